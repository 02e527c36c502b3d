using System.Text;
using Centrex.Rating.Numbering;
using Centrex.Switch.Provisioning;

namespace Centrex.Switch.Routing;

/// <summary>
/// The customer's dial plan (issue 4, seed 004 "IP Centrex"). What a caller dialed is tried in this order, the first
/// that matches wins:
/// <list type="number">
/// <item>emergency numbers, before this class (B2bua.Invite: issue 14, they always go out);</item>
/// <item>the feature prefixes (paging, directed pickup, group pickup, park release; seed 004 Incoming Calls), unless
/// the whole string is an extension: an extension wins over a prefix that starts it;</item>
/// <item>feature codes starting with <c>*</c> (seed 000);</item>
/// <item>the customer's extensions, then its hunt group numbers (seed 004: "Extension and huntgroup numbers must be
/// different");</item>
/// <item>its abbreviated dialing (seed 004 Abbreviated Dialing: "# to Dial" an account or a number, blank "dial as
/// is", which "is useful for making sure that special numbers (e.g. 112) are never converted by other translation
/// rules"); with the Abbreviated Number Length set, a string of exactly that length that is no code of the customer
/// is refused (404) here rather than handed to the dialing rules: seed 004 has users dial "123-like numbers" of that
/// length as abbreviated numbers, so the rules never turn a mistyped code into a call to the public network;</item>
/// <item>the dialing rules to E.164 (seed 004 Dialing Rules), then an E.164 number that is one of our DIDs stays on
/// the net, and anything else leaves by the customer's trunk.</item>
/// </list>
/// Provisioning keeps these from meeting: a feature prefix, outside, international or national prefix that begins an
/// extension, group number or code (or that one of them begins) is refused (ProvisioningValidator.DialingClashes), and
/// every abbreviated code has exactly the Abbreviated Number Length when it is set.
/// Every method is given the directory snapshot the call started with (<see cref="ISwitchDirectory.Current"/>), so a
/// provisioning change in the middle of routing cannot mix two dial plans.
/// </summary>
internal static class DialPlan
{
    /// <summary>Directed pickup's code before the ringing extension (issue 15; the usual carrier and PBX code).</summary>
    public const string DirectedPickupPrefix = "**";

    public static Route RouteFrom(ISwitchDirectory directory, SwitchAccount caller, string dialed)
    {
        var customer = directory.FindCustomer(caller.CustomerId);
        if (customer is null || dialed.Length == 0)
        {
            return Route.NotFound;
        }

        // An extension wins over a prefix that starts it; then the paging and release prefixes (seed 004, issue 15).
        if (!customer.Extensions.ContainsKey(dialed) && FeaturePrefix(customer, dialed) is { } feature)
        {
            return feature;
        }

        // Feature codes: "*72" alone or followed by its argument ("*7218773149650", seed 000).
        if (dialed[0] == '*')
        {
            if (SettingCodes.TryMatch(dialed, out _, out _))
            {
                return new Route(RouteKind.Feature, FeatureCode: dialed, Number: string.Empty); // a line setting (B2bua.Screening)
            }

            foreach (var code in directory.FeatureCodes)
            {
                if (dialed.StartsWith(code, StringComparison.Ordinal))
                {
                    return new Route(RouteKind.Feature, FeatureCode: code, Number: dialed[code.Length..]);
                }
            }

            return Route.NotFound;
        }

        if (customer.Extensions.TryGetValue(dialed, out var extensionAccount))
        {
            return new Route(RouteKind.Account, AccountId: extensionAccount, Number: dialed);
        }

        if (directory.FindHuntGroup(customer.Id, dialed) is not null)
        {
            return new Route(RouteKind.HuntGroup, Number: dialed); // "the number the end user must dial" (seed 004)
        }

        if (customer.Abbreviated.TryGetValue(dialed, out var target))
        {
            // Seed 004: "# to Dial" is an account id or an E.164 number; blank means dial as is.
            if (string.IsNullOrEmpty(target))
            {
                return ToNumber(directory, customer, dialed.TrimStart('+'));
            }

            if (customer.Extensions.TryGetValue(target, out var extension))
            {
                return new Route(RouteKind.Account, AccountId: extension, Number: target); // "one of your lines (its ID or extension)"
            }

            // Isolation in depth (issue 16 review, item 1): provisioning refuses another customer's account here, and the
            // switch never rings one by its id even if the data says so: such a target is only a number (a DID on the net
            // rings as any caller's call to it would, else nothing).
            if (directory.FindAccount(target) is { } account && account.CustomerId == customer.Id)
            {
                return new Route(RouteKind.Account, AccountId: account.Id, Number: target);
            }

            return Normalize(DialingRules.E164, target) is { } abbreviatedE164 ? ToNumber(directory, customer, abbreviatedE164) : Route.NotFound;
        }

        if (customer.AbbreviatedLength == dialed.Length && dialed[0] != '+')
        {
            return Route.NotFound; // a code of the Abbreviated Number Length that the customer does not have (seed 004)
        }

        return Normalize(customer, dialed) is { } e164 ? ToNumber(directory, customer, e164) : Route.NotFound;
    }

    /// <summary>
    /// Paging prefix + an extension of the customer: that extension, paged (it answers on its speaker at once); release
    /// prefix + a slot of one or two digits: the call parked there. Anything else after a prefix is not one of these.
    /// </summary>
    private static Route? FeaturePrefix(SwitchCustomer customer, string dialed)
    {
        var f = customer.Features;
        if (dialed.Length > f.PagingPrefix.Length && dialed.StartsWith(f.PagingPrefix, StringComparison.Ordinal)
            && customer.Extensions.TryGetValue(dialed[f.PagingPrefix.Length..], out var paged))
        {
            return new Route(RouteKind.Account, AccountId: paged, Number: dialed[f.PagingPrefix.Length..]) { Paging = true };
        }

        // Directed pickup: ** and the extension (Asterisk's and FreePBX's code; the seeds name none).
        if (dialed.StartsWith(DirectedPickupPrefix, StringComparison.Ordinal) && customer.Extensions.TryGetValue(dialed[DirectedPickupPrefix.Length..], out var ringing))
        {
            return new Route(RouteKind.DirectedPickup, AccountId: ringing, Number: dialed[DirectedPickupPrefix.Length..]);
        }

        // Group pickup (seed 004, "configure multiple pickup groups"): the prefix alone picks up in the caller's primary
        // group, the prefix and a group's number in that group.
        if (dialed.StartsWith(f.PickupPrefix, StringComparison.Ordinal) && dialed.AsSpan(f.PickupPrefix.Length).IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return new Route(RouteKind.GroupPickup, Number: dialed.Length == f.PickupPrefix.Length ? null : dialed[f.PickupPrefix.Length..]);
        }

        if (dialed.Length > f.ReleasePrefix.Length && dialed.Length <= f.ReleasePrefix.Length + 2 && dialed.StartsWith(f.ReleasePrefix, StringComparison.Ordinal)
            && dialed.AsSpan(f.ReleasePrefix.Length).IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return new Route(RouteKind.ParkRelease, Number: dialed[f.ReleasePrefix.Length..]);
        }

        return null;
    }

    /// <summary>An inbound call from a trunk: the DID it was sent to, in E.164 with or without '+'.</summary>
    public static SwitchAccount? RouteFromTrunk(ISwitchDirectory directory, string dialed) =>
        Normalize(DialingRules.E164, dialed) is { } e164 ? directory.FindByDid(e164) : null;

    private static Route ToNumber(ISwitchDirectory directory, SwitchCustomer customer, string e164)
    {
        if (directory.FindByDid(e164) is { } owner)
        {
            return new Route(RouteKind.Account, AccountId: owner.Id, Number: e164);
        }

        return customer.TrunkId is { } trunk ? new Route(RouteKind.Trunk, Number: e164, TrunkId: trunk) : Route.NotFound;
    }

    /// <summary>
    /// The customer's dialing rules (seed 004): enabled rules apply its outside and international prefixes, country and
    /// area codes and local lengths (<see cref="DialingParametersRule"/>); a Custom Rule translates the number first, and
    /// what it gives must be E.164; disabled and North American rules as <see cref="Normalize(DialingRules, string)"/>.
    /// </summary>
    public static string? Normalize(SwitchCustomer customer, string dialed) => customer.DialingRules switch
    {
        DialingRules.Enabled => customer.DialingParameters?.ToE164(dialed),
        DialingRules.Custom => customer.CustomRule is { } rule ? Normalize(DialingRules.E164, rule.Apply(dialed)) : null,
        var rules => Normalize(rules, dialed),
    };

    /// <summary>
    /// Dialing rules: North American dialing uses the rating engine's normalization (strip '+', 011 or 00; 10 digits
    /// get a leading 1); E.164 dialing only strips '+'. Either way the result is 4 to 15 digits.
    /// </summary>
    public static string? Normalize(DialingRules rules, string dialed)
    {
        if (rules == DialingRules.NorthAmerica)
        {
            return NumberingPlan.TryNormalize(Encoding.ASCII.GetBytes(dialed), out var number) ? number.ToString() : null;
        }

        var digits = dialed.StartsWith('+') ? dialed[1..] : dialed;
        return digits.Length is >= 4 and <= 15 && digits.All(char.IsAsciiDigit) ? digits : null;
    }
}
