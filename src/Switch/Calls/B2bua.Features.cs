using Centrex.Switch.CallFlows;
using Centrex.Switch.Provisioning;
using Centrex.Switch.Routing;

namespace Centrex.Switch.Calls;

/// <summary>
/// Feature codes dialed from a phone (seed 000; seed 002): <c>*72 NUMBER</c> sets conditional forwarding (busy, no
/// answer within the line's ring time, unregistered) and <c>*72*</c> clears it; <c>*73 NUMBER</c> / <c>*73*</c> the same
/// for unconditional forwarding; <c>*33</c> toggles the customer's night mode (day/night nodes). Each takes effect at
/// once in the partition that owns the line's calls. Other recognized codes are answered and released as before.
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
                if (!_night.Add(caller.CustomerId))
                {
                    _night.Remove(caller.CustomerId); // "dial *33 again to return to normal calling"
                }

                return null;
            default:
                return null;
        }
    }

    private FeatureRefusal? SetForwarding(ISwitchDirectory directory, SwitchAccount line, ForwardWhen when, string argument)
    {
        var current = ForwardingOf(line);
        var baseKey = _forwarding.TryGetValue(line.Id, out var set) ? set.BaseKey : line.Forwarding?.Key;
        if (argument == "*")
        {
            // "*72* – de-activates conditional call forwarding": only the kind named is cleared.
            _forwarding[line.Id] = new ForwardOverride(baseKey, current is not null && current.When != when ? current : null);
            return null;
        }

        var number = argument.TrimStart('+');
        var customer = directory.FindCustomer(line.CustomerId);
        if (customer is null || !(customer.Extensions.ContainsKey(number) || DialPlan.Normalize(customer.DialingRules, argument) is { } e164 && (number = e164) is not null))
        {
            return new FeatureRefusal(484, $"Address Incomplete: '{argument}' is not a number to forward to");
        }

        if (number == line.Extension || line.Dids.Contains(number) || number == line.Id)
        {
            return new FeatureRefusal(484, "Address Incomplete: a line cannot forward to itself");
        }

        var ringSeconds = current?.RingSeconds ?? line.Forwarding?.RingSeconds ?? 20;
        _forwarding[line.Id] = new ForwardOverride(baseKey, new LineForwarding(when, ringSeconds, false, [new ForwardTarget(number, 0, [])]));
        return null;
    }
}
