using System.Text;
using Centrex.Invoicing.Rendering;
using Centrex.Portal.Data.CallLog;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using NodaTime;

namespace Centrex.Portal.Features.Customer.Calls;

/// <summary>
/// The Call Logs page's CSV download: the matching calls, oldest first, streamed row by row from the index
/// (<c>start,line,from,to,direction,disposition,seconds,billed_seconds,destination,charge,answered_by</c>; the start in the
/// customer's zone with its offset, the charge to the mill; the disposition as the switch names it, finer than the
/// page's groups; answered_by the line that answered, when the switch recorded one). Columns are only added at the end.
/// </summary>
public static class CallCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "start,line,from,to,direction,disposition,seconds,billed_seconds,destination,charge,answered_by";

    /// <summary>Streams the calls of <paramref name="calls"/> matching <paramref name="filter"/>.</summary>
    public static async Task Write(HttpContext context, CallQueries calls, CallFilter filter, DateTimeZone zone, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(calls);
        context.Response.ContentType = "text/csv; charset=utf-8";
        Api.Downloads.Name(context.Response, name);
        context.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        var pattern = NodaTime.Text.OffsetDateTimePattern.ExtendedIso;
        await Task.Run(() =>
        {
            using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            writer.WriteLine(Header);
            calls.Each(filter, c =>
            {
                writer.WriteLine(string.Join(',',
                    pattern.Format(c.Start.InZone(zone).ToOffsetDateTime()), Field(c.Account), Field(c.Caller), Field(c.Callee), c.Direction, c.Disposition,
                    c.Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), c.BilledSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Field(c.Destination ?? string.Empty), c.Charge is { } charge ? Amounts.Mills(charge).Replace(",", string.Empty, StringComparison.Ordinal) : string.Empty,
                    Field(c.AnsweredBy ?? string.Empty)));
            });
        }, context.RequestAborted);
    }

    // RFC 4180: quoted when it holds a comma, a quote or a line break; a leading = + - @ is quoted with a ' first so a
    // spreadsheet never runs a caller-supplied value as a formula (CSV injection).
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '@' or '-' && !value.Skip(1).All(char.IsAsciiDigit))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
