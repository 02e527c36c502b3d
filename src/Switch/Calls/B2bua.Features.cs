using Centrex.Switch.CallFlows;
using Centrex.Switch.Provisioning;
using Centrex.Switch.Routing;

namespace Centrex.Switch.Calls;

/// <summary>
/// Feature codes dialed from a phone (seed 000; seed 002): <c>*72 NUMBER</c> sets conditional forwarding (busy, no
/// answer within the line's ring time, unregistered) and <c>*72*</c> clears it; <c>*73 NUMBER</c> / <c>*73*</c> the same
/// for unconditional forwarding; <c>*33</c> toggles the customer's night mode (day/night nodes). Each takes effect at
/// once in the partition that owns the line's calls, and is kept by the store (<see cref="ILineSettingsStore"/>: serve
/// writes it to provisioning, so a restart keeps it and <c>provision export</c> shows it as the account's
/// <c>phone_forwarding</c> and the customer's <c>night_mode</c>). Other recognized codes are answered and released.
/// </summary>
internal sealed partial class B2bua
{
    private FeatureRefusal? RunFeature(ISwitchDirectory directory, Call call, SwitchAccount caller, string code, string argument)
    {
        switch (code)
        {
            case "*72":
                return SetForwarding(directory, caller, ForwardWhen.Unanswered, argument);
            case "*73":
                return SetForwarding(directory, caller, ForwardWhen.Always, argument);
            case "*33":
                var night = !NightOf(directory, caller.CustomerId); // "dial *33 again to return to normal calling"
                _night[caller.CustomerId] = night;
                _options.LineSettings?.SaveNightMode(caller.CustomerId, night);
                return null;
            default:
                return null;
        }
    }

    private FeatureRefusal? SetForwarding(ISwitchDirectory directory, SwitchAccount line, ForwardWhen when, string argument)
    {
        var current = ForwardingOf(line);
        var baseKey = _forwarding.TryGetValue(line.Id, out var set) ? set.BaseKey : line.Forwarding is { Targets.Length: > 0 } f ? f.Key : null;
        if (argument == "*")
        {
            // "*72* – de-activates conditional call forwarding": only the kind named is cleared.
            if (current is not null && current.When != when)
            {
                return null; // the other kind is in force: nothing to clear
            }

            _forwarding[line.Id] = new ForwardOverride(baseKey, null);
            _options.LineSettings?.SaveForwarding(line.Id, when, null);
            return null;
        }

        var number = argument.TrimStart('+');
        var customer = directory.FindCustomer(line.CustomerId);
        if (customer is null || !(customer.Extensions.ContainsKey(number) || DialPlan.Normalize(customer, argument) is { } e164 && (number = e164) is not null))
        {
            return new FeatureRefusal(484, $"Address Incomplete: '{argument}' is not a number to forward to");
        }

        if (number == line.Extension || line.Dids.Contains(number) || number == line.Id)
        {
            return new FeatureRefusal(484, "Address Incomplete: a line cannot forward to itself");
        }

        // The no-answer time before *72 forwards is the account's ring time (issue 15): the directory's, which the host
        // takes from the line's provisioned forwarding ring_for (20 s unless set).
        var ringSeconds = line.RingSeconds;
        _forwarding[line.Id] = new ForwardOverride(baseKey, LineForwarding.FromPhone(when, ringSeconds, number));
        _options.LineSettings?.SaveForwarding(line.Id, when, number);
        return null;
    }
}
