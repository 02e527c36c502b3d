using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using NodaTime.Text;

namespace Centrex.Portal.Features.Customer.Lines;

/// <summary>
/// The "Add New Number" form of the forwarding page with its period wizard (seed 004: start and end time, days, months,
/// or Always), read into a <see cref="ForwardTarget"/>; what cannot be read is named by field. Rules that provisioning
/// checks (a phone number, ring time bounds, a day chosen) are left to its validation, so the page says what
/// <c>provision import</c> would.
/// </summary>
public sealed class ForwardingForm
{
    public string? Number { get; set; }

    public string? Description { get; set; }

    public string? RingFor { get; set; }

    public string? Display { get; set; }

    /// <summary><c>always</c> or <c>period</c>.</summary>
    public string? Schedule { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public IReadOnlyList<string> Days { get; set; } = [];

    public IReadOnlyList<int> Months { get; set; } = RingPeriod.AllMonths;

    /// <summary>The number, or null with <paramref name="errors"/> naming what is unreadable.</summary>
    public ForwardTarget? Read(Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(Number))
        {
            errors["number"] = "enter the number to forward to";
        }

        var ring = ProvisioningJsonReader.DefaultRingSeconds;
        if (!string.IsNullOrWhiteSpace(RingFor) && !int.TryParse(RingFor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ring))
        {
            errors["ring_for"] = "whole seconds";
        }

        var display = Display is not null && WireNames.CallerDisplays.TryGetValue(Display, out var d) ? d : CallerDisplay.Caller;
        var period = Schedule == "period" ? ReadPeriod(errors) : null;
        return errors.Count > 0 ? null : new ForwardTarget(Number!.Trim(), Description?.Trim() ?? string.Empty, ring, display, true, period is null ? [] : [period]);
    }

    /// <summary>The wizard's period, or null with the fields named.</summary>
    public RingPeriod? ReadPeriod(Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var pattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
        var from = pattern.Parse(From ?? string.Empty);
        var to = pattern.Parse(To ?? string.Empty);
        if (!from.Success)
        {
            errors["from"] = "a start time HH:MM (24-hour clock)";
        }

        if (!to.Success)
        {
            errors["to"] = "an end time HH:MM (24-hour clock)";
        }

        var days = Days.Where(WireNames.Days.ContainsKey).Select(x => WireNames.Days[x]).Distinct().Order().ToList();
        return from.Success && to.Success ? new RingPeriod(from.Value, to.Value, days, [.. Months.Distinct().Order()]) : null;
    }
}
