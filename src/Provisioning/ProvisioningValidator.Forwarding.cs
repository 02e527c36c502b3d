using Centrex.Provisioning.Model;

namespace Centrex.Provisioning;

/// <summary>
/// Call forwarding (issue 16; seed 004, forwarding modes and the period wizard). Every message names the account and
/// the field as <c>forwarding.targets[N].FIELD</c>, so the portal shows it beside its input.
/// </summary>
public static partial class ProvisioningValidator
{
    private static void ValidateForwarding(ProvisioningSnapshot s, string source)
    {
        foreach (var a in s.Accounts)
        {
            var f = a.Forwarding;
            var where = $"{source}: accounts (id \"{a.Id}\")";
            ValidatePhoneForwarding(a, where);
            if (f.IsUnset)
            {
                continue;
            }

            if (a.Sip is null)
            {
                throw new ProvisioningException(where, ProvisioningErrors.ForwardingNeedsSip, $"field \"forwarding.mode\": only a line of the switch (with sip) forwards calls");
            }

            if (f.RingSeconds is < ForwardTarget.MinRingSeconds or > ForwardTarget.MaxRingSeconds)
            {
                throw new ProvisioningException(where, ProvisioningErrors.ForwardingRingFor, $"field \"forwarding.ring_for\": {f.RingSeconds} is not {ForwardTarget.MinRingSeconds} to {ForwardTarget.MaxRingSeconds} seconds", f.RingSeconds, ForwardTarget.MinRingSeconds, ForwardTarget.MaxRingSeconds);
            }

            if (f.Targets.Count > Forwarding.MaxTargets)
            {
                throw new ProvisioningException(where, ProvisioningErrors.ForwardingTooMany, $"field \"forwarding.targets\": at most {Forwarding.MaxTargets} numbers", Forwarding.MaxTargets);
            }

            if (f.Mode != ForwardingMode.Off && f.Targets.Count == 0)
            {
                throw new ProvisioningException(where, ProvisioningErrors.ForwardingNoTarget, $"field \"forwarding.targets\": forwarding is on but has no number to forward to");
            }

            for (var i = 0; i < f.Targets.Count; i++)
            {
                var t = f.Targets[i];
                var field = $"forwarding.targets[{i}]";
                if (!IsForwardNumber(t.Number, sipUri: f.Mode == ForwardingMode.Advanced))
                {
                    throw f.Mode == ForwardingMode.Advanced
                        ? new ProvisioningException(where, ProvisioningErrors.TargetNumberOrUri, $"field \"{field}.number\": '{t.Number}' is not a phone number (+ and 2 to 15 digits) or a sip: URI", field, t.Number)
                        : new ProvisioningException(where, ProvisioningErrors.TargetNumber, $"field \"{field}.number\": '{t.Number}' is not a phone number (+ and 2 to 15 digits)", field, t.Number);
                }

                if (t.Number.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) && ForwardAddresses.HostOf(t.Number) is { } host
                    && ForwardAddresses.Refusal(host, s.Customers.FirstOrDefault(c => c.Id == a.CustomerId)?.AllowPrivateForwarding == true) is { } refusal)
                {
                    throw new ProvisioningException(where, ProvisioningErrors.ForwardingAddress, $"field \"{field}.number\": '{t.Number}' is {refusal}: the switch does not forward there", field, t.Number, refusal);
                }

                if (t.Number.TrimStart('+') == a.Extension || a.Dids.Contains(t.Number.TrimStart('+')))
                {
                    throw new ProvisioningException(where, ProvisioningErrors.ForwardingToItself, $"field \"{field}.number\": '{t.Number}' is this line itself (a call would be forwarded to itself)", field, t.Number);
                }

                if (t.RingSeconds is < ForwardTarget.MinRingSeconds or > ForwardTarget.MaxRingSeconds)
                {
                    throw new ProvisioningException(where, ProvisioningErrors.TargetRingFor, $"field \"{field}.ring_for\": {t.RingSeconds} is not {ForwardTarget.MinRingSeconds} to {ForwardTarget.MaxRingSeconds} seconds", field, t.RingSeconds, ForwardTarget.MinRingSeconds, ForwardTarget.MaxRingSeconds);
                }

                if (t.Description.Length > 100 || t.Description.Any(char.IsControl))
                {
                    throw new ProvisioningException(where, ProvisioningErrors.TargetDescription, $"field \"{field}.description\": at most 100 characters on one line", field);
                }

                for (var j = 0; j < t.Schedule.Count; j++)
                {
                    var p = t.Schedule[j];
                    var period = $"{field}.schedule[{j}]";
                    if (p.From == p.To)
                    {
                        throw new ProvisioningException(where, ProvisioningErrors.PeriodEmpty, $"field \"{period}.to\": the end time is the start time (an empty period; use 'always' for all day)", period);
                    }

                    if (p.Days.Count == 0)
                    {
                        throw new ProvisioningException(where, ProvisioningErrors.PeriodDays, $"field \"{period}.days\": choose at least one day of the week", period);
                    }

                    if (p.Months.Count == 0 || p.Months.Any(m => m is < 1 or > 12))
                    {
                        throw new ProvisioningException(where, ProvisioningErrors.PeriodMonths, $"field \"{period}.months\": choose months from 1 to 12", period);
                    }
                }
            }
        }
    }

    /// <summary>What a phone set by <c>*72</c>/<c>*73</c>: a number (or extension) that is not the line itself.</summary>
    private static void ValidatePhoneForwarding(Account a, string where)
    {
        if (a.PhoneForwarding is not { IsOff: false } phone)
        {
            return;
        }

        if (a.Sip is null)
        {
            throw new ProvisioningException(where, ProvisioningErrors.PhoneForwardingNeedsSip, "field \"phone_forwarding\": only a line of the switch (with sip) forwards calls");
        }

        if (!IsForwardNumber(phone.Number, sipUri: false))
        {
            throw new ProvisioningException(where, ProvisioningErrors.PhoneForwardingNumber, $"field \"phone_forwarding.number\": '{phone.Number}' is not a phone number or extension (2 to 15 digits, + allowed)", phone.Number);
        }

        if (phone.Number.TrimStart('+') == a.Extension || a.Dids.Contains(phone.Number.TrimStart('+')))
        {
            throw new ProvisioningException(where, ProvisioningErrors.PhoneForwardingToItself, $"field \"phone_forwarding.number\": '{phone.Number}' is this line itself (a call would be forwarded to itself)", phone.Number);
        }
    }

    private static bool IsForwardNumber(string number, bool sipUri)
    {
        if (sipUri && number.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
        {
            var rest = number[4..];
            var at = rest.IndexOf('@', StringComparison.Ordinal);
            return at > 0 && at < rest.Length - 1 && rest.Length <= 200 && !rest.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"');
        }

        var digits = number.StartsWith('+') ? number[1..] : number;
        return digits.Length is >= 2 and <= 15 && digits.All(char.IsAsciiDigit);
    }
}
