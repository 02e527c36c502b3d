using Centrex.Provisioning.Model;

namespace Centrex.Provisioning;

/// <summary>
/// Seed 004, Dialing Rules enabled ("choose various dial plan parameters such as an international dialing prefix"):
/// the outside (line) prefix, and the international and national prefixes dialed after it, share the keypad with the
/// customer's extensions, hunt group numbers, abbreviated codes and feature prefixes (seed 004 Abbreviated Dialing,
/// Huntgroups, Incoming Calls). When one of them begins the other (outside prefix 9, extension 901), a phone that
/// collects digits cannot tell when the number is complete, and the switch cannot tell which one was meant: such a
/// pair is refused whichever side is changed.
/// </summary>
public static partial class ProvisioningValidator
{
    /// <summary>
    /// Refuses the first clash of a customer with enabled dialing rules. The refusal names the side that changed: the
    /// dialing rules' field when they are new or changed (<paramref name="stored"/> has other prefixes, or is not
    /// given), else the number's own record and field (an extension, a group's number, a code or a feature prefix added
    /// against rules already stored). Emergency numbers are not in the dial plan (the switch takes them first, issue
    /// 14), so an abbreviated 911 "dial as is" beside outside prefix 9, North America's usual pair, is no clash.
    /// </summary>
    private static void ValidateDialingClashes(ProvisioningSnapshot s, string source, ProvisioningSnapshot? stored)
    {
        var emergency = (s.Switch ?? SwitchSettings.Default).EmergencyNumbers;
        var groups = s.HuntGroups.ToLookup(g => g.CustomerId, StringComparer.Ordinal);
        var lines = s.Accounts.Where(a => a.Extension is not null).ToLookup(a => a.CustomerId, StringComparer.Ordinal);
        foreach (var c in s.Customers.Where(c => c.DialPlan.DialingRules == DialingRules.Enabled))
        {
            var d = c.DialPlan.Dialing;
            (string Field, string Value, string Dialed)[] prefixes = [("dialing.outside_prefix", d.OutsidePrefix, d.OutsidePrefix),
                ("dialing.international_prefix", d.InternationalPrefix, d.OutsidePrefix + d.InternationalPrefix),
                ("dialing.national_prefix", d.NationalPrefix, d.OutsidePrefix + d.NationalPrefix)];
            var customer = $"{source}: customers (id \"{c.Id}\")";
            var f = c.DialPlan.Features;
            (string Where, string Field, string Name, string Number)[] numbers = [
                .. lines[c.Id].Select(a => ($"{source}: accounts (id \"{a.Id}\")", "extension", "extension", a.Extension!)),
                .. groups[c.Id].Select(g => ($"{source}: hunt_groups (id \"{g.Id}\")", "number", "hunt_groups.number", g.Number)),
                .. c.DialPlan.AbbreviatedDialing.Keys.Where(k => !emergency.Contains(k)).Order(StringComparer.Ordinal)
                    .Select(k => (customer, "abbreviated_dialing.code", "abbreviated_dialing.code", k)),
                (customer, "pickup_prefix", "pickup_prefix", f.PickupPrefix), (customer, "park_prefix", "park_prefix", f.ParkPrefix),
                (customer, "release_prefix", "release_prefix", f.ReleasePrefix), (customer, "paging_prefix", "paging_prefix", f.PagingPrefix)];
            var rulesStored = stored?.Customers.FirstOrDefault(x => x.Id == c.Id) is { DialPlan: { DialingRules: DialingRules.Enabled, Dialing: var old } }
                && (old.OutsidePrefix, old.InternationalPrefix, old.NationalPrefix) == (d.OutsidePrefix, d.InternationalPrefix, d.NationalPrefix);
            foreach (var (field, value, dialed) in prefixes.Where(p => p.Value.Length > 0))
            {
                // With an outside prefix, the other two are only dialed after it: a number clashing with "9011" clashes
                // with "9" first, so the outside prefix is the one named.
                foreach (var (where, numberField, name, number) in numbers)
                {
                    if (!number.StartsWith(dialed, StringComparison.Ordinal) && !dialed.StartsWith(number, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    throw rulesStored
                        ? Clash(where, numberField, number, field, value)
                        : Clash(customer, field, value, name, number);
                }
            }
        }
    }

    private static ProvisioningException Clash(string where, string field, string value, string other, string otherValue) =>
        new(where, ProvisioningErrors.DialingPrefixClash,
            $"field \"{field}\": '{value}' and {other} '{otherValue}' begin alike: the switch could not tell which was dialed", field, value, other, otherValue);
}
