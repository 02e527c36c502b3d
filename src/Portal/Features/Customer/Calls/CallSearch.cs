using Centrex.Portal.Data.CallLog;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Features.Customer.Calls;

/// <summary>
/// The CDR browser's filters as they come in the URL (<c>from</c>, <c>to</c> as the customer's days; <c>line</c>,
/// <c>direction</c>, <c>disposition</c>, <c>number</c>), checked with what is wrong named by field, and turned into a
/// <see cref="CallFilter"/> in UTC. A line that is not the customer's is refused like a bad value (never searched).
/// </summary>
public static class CallSearch
{
    /// <summary>The directions a call is recorded with (internal: from one of the customer's lines to another).</summary>
    public static readonly IReadOnlyList<string> Directions = ["outgoing", "incoming", "internal"];

    /// <summary>
    /// The dispositions the page offers: each a group of the switch's (<see cref="Label"/>). <c>no-answer</c> is a missed
    /// call (no answer in time, or the caller hung up first); <c>refused</c> is any refusal by the switch.
    /// </summary>
    public static readonly IReadOnlyList<string> Dispositions = ["answered", "no-answer", "busy", "failed", "refused"];

    /// <summary>The switch's own names, also accepted as a filter (the API's callers used them before the groups).</summary>
    public static readonly IReadOnlyList<string> SwitchDispositions = ["cancelled", "refused-by-limit", "refused-by-balance", "refused-by-fraud"];

    /// <summary>What the page shows for a stored disposition: answered, no answer, busy, failed or refused.</summary>
    public static string Label(string disposition) => disposition switch
    {
        "no-answer" or "cancelled" => "no answer",
        _ when disposition.StartsWith("refused", StringComparison.Ordinal) => "refused",
        _ => disposition,
    };

    /// <summary>Reads the filter from <paramref name="query"/>.</summary>
    public static CallFilter Read(IQueryCollection query, CustomerScope scope, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        var from = FormValues.Date(query["from"], "from", errors);
        var to = FormValues.Date(query["to"], "to", errors);
        if (from is { } f && to is { } t && t < f)
        {
            errors["to"] = "the last day is before the first";
        }

        var line = Empty(query["line"]);
        if (line is not null && scope.Line(line) is null)
        {
            errors["line"] = "not one of your lines";
        }

        var direction = Empty(query["direction"]);
        if (direction is not null && !Directions.Contains(direction))
        {
            errors["direction"] = "outgoing, incoming or internal";
        }

        var disposition = Empty(query["disposition"]);
        if (disposition is not null && !Dispositions.Contains(disposition) && !SwitchDispositions.Contains(disposition))
        {
            errors["disposition"] = "not a call disposition";
        }

        var number = Empty(query["number"])?.TrimStart('+');
        if (number is not null && (number.Length > 15 || !number.All(char.IsAsciiDigit)))
        {
            errors["number"] = "digits only (part of the calling or called number)";
        }

        var zone = scope.Zone;
        return new CallFilter(from?.AtStartOfDayInZone(zone).ToInstant(), to?.PlusDays(1).AtStartOfDayInZone(zone).ToInstant(), line, direction, disposition, number);
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
