using System.Text.Json;
using Centrex.Provisioning.Model;
using NodaTime.Text;

namespace Centrex.Provisioning.Json;

/// <summary>
/// An account's <c>forwarding</c> (issue 16; seed 004, forwarding modes and the period wizard):
/// <c>{ "mode": "follow-me", "targets": [ { "number": "+15145550100", "description": "cell", "ring_for": 20,
/// "display": "caller", "enabled": true, "schedule": [ { "from": "20:00", "to": "08:00", "days": ["mon", "fri"],
/// "months": [1, 12] } ] } ] }</c>. Every field but <c>number</c> has a default (ring for 20 s, the caller shown,
/// enabled, always, every month). <c>when</c> (<c>always</c>, <c>unanswered</c>), the line's <c>ring_for</c> before
/// conditional forwarding, and <c>simultaneous</c> follow-me are issue 15's.
/// </summary>
public static partial class ProvisioningJsonReader
{
    private static readonly string[] ForwardingFields = ["mode", "targets", "when", "ring_for", "simultaneous"];
    private static readonly string[] TargetFields = ["number", "description", "ring_for", "display", "enabled", "schedule"];
    private static readonly string[] PeriodFields = ["from", "to", "days", "months"];
    private static readonly string[] PhoneForwardingFields = ["when", "number"];

    /// <summary>The <c>when</c> of a <c>phone_forwarding</c> the phone turned off (<c>*72*</c>, <c>*73*</c>).</summary>
    public const string PhoneForwardingOff = "off";

    /// <summary>Ring for, when not given.</summary>
    public const int DefaultRingSeconds = 20;

    /// <summary>Parses one <c>forwarding</c> object (the store keeps it as this JSON).</summary>
    public static Forwarding ParseForwarding(string json, string where)
    {
        using var document = JsonDocument.Parse(json);
        return ReadForwardingObject(new JsonRecord(document.RootElement, where, ForwardingFields));
    }

    /// <summary>
    /// An account's <c>phone_forwarding</c> (issue 15, set by <c>*72</c>/<c>*73</c> from the phone and written by the
    /// switch; an export carries it so an import of that export keeps it): <c>{ "when": "always" | "unanswered",
    /// "number": "+15145550100" }</c>, or <c>{ "when": "off" }</c> when the phone turned forwarding off.
    /// </summary>
    private static PhoneForwarding? ReadPhoneForwarding(JsonRecord account)
    {
        if (!account.Has("phone_forwarding"))
        {
            return null;
        }

        var r = new JsonRecord(account.Object("phone_forwarding"), account.Where + ", phone_forwarding", PhoneForwardingFields);
        if (r.OptionalString("when") == PhoneForwardingOff)
        {
            return r.Has("number") ? throw r.Error("field \"number\": forwarding the phone turned off has no number") : PhoneForwarding.Off;
        }

        return new PhoneForwarding(r.Enum("when", WireNames.ForwardWhens), r.NonEmpty("number").Trim());
    }

    private static Forwarding ReadForwarding(JsonRecord account)
    {
        if (!account.Has("forwarding"))
        {
            return Forwarding.Off;
        }

        return ReadForwardingObject(new JsonRecord(account.Object("forwarding"), account.Where + ", forwarding", ForwardingFields));
    }

    private static Forwarding ReadForwardingObject(JsonRecord f)
    {
        var mode = f.Enum("mode", WireNames.ForwardingModes, ForwardingMode.Off);
        var targets = f.Has("targets") ? f.Records("targets", TargetFields).Select(ReadTarget).ToList() : [];
        return new Forwarding(mode, targets)
        {
            When = f.Enum("when", WireNames.ForwardWhens, ForwardWhen.Always),
            RingSeconds = f.Int("ring_for", DefaultRingSeconds),
            Simultaneous = f.Bool("simultaneous", false),
        };
    }

    private static ForwardTarget ReadTarget(JsonRecord t) => new(
        t.NonEmpty("number").Trim(),
        t.OptionalString("description") ?? string.Empty,
        t.Int("ring_for", DefaultRingSeconds),
        t.Enum("display", WireNames.CallerDisplays, CallerDisplay.Caller),
        t.Bool("enabled", true),
        t.Has("schedule") ? [.. t.Records("schedule", PeriodFields).Select(ReadPeriod)] : []);

    private static RingPeriod ReadPeriod(JsonRecord p)
    {
        var from = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(p.String("from"));
        var to = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(p.String("to"));
        if (!from.Success)
        {
            throw p.Error($"field \"from\": '{p.String("from")}' is not a time HH:MM (24-hour clock)");
        }

        if (!to.Success)
        {
            throw p.Error($"field \"to\": '{p.String("to")}' is not a time HH:MM (24-hour clock)");
        }

        var days = p.Strings("days").Select(d => WireNames.Days.TryGetValue(d, out var day) ? day : throw p.Error($"field \"days\": '{d}' is not one of {string.Join(", ", WireNames.Days.Keys)}")).Distinct().Order().ToList();
        var months = p.Has("months") ? p.Ints("months") : RingPeriod.AllMonths;
        return new RingPeriod(from.Value, to.Value, days, [.. months.Distinct().Order()]);
    }
}
