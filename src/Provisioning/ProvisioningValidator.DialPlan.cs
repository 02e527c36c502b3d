using Centrex.Provisioning.Model;

namespace Centrex.Provisioning;

/// <summary>
/// A customer's abbreviated dialing and feature prefixes against its own numbers (seed 004, Abbreviated Dialing and
/// Incoming Calls). Isolation first (issue 16): an abbreviated number dials one of the customer's own lines or a phone
/// number, never another customer's account by its id, which would ring that customer's phone past its DIDs.
/// </summary>
public static partial class ProvisioningValidator
{
    private static void ValidateAbbreviatedDialing(ProvisioningSnapshot s, Customer c, string where)
    {
        var table = c.DialPlan.AbbreviatedDialing;
        if (table.Count > CustomerDialPlan.MaxAbbreviated)
        {
            throw new ProvisioningException(where, ProvisioningErrors.AbbreviatedTooMany, $"field \"abbreviated_dialing.code\": {table.Count} abbreviated numbers; a customer has at most {CustomerDialPlan.MaxAbbreviated}", table.Count, CustomerDialPlan.MaxAbbreviated);
        }

        foreach (var (code, number) in table)
        {
            if (!IsDialable(code, "0123456789*#"))
            {
                throw new ProvisioningException(where, ProvisioningErrors.AbbreviatedCode, $"field \"abbreviated_dialing.code\": '{Cut(code)}' is not 1 to 15 digits, * or #", Cut(code));
            }

            if (number.Length > CustomerDialPlan.MaxDialLength)
            {
                throw new ProvisioningException(where, ProvisioningErrors.AbbreviatedDialLength, $"field \"abbreviated_dialing.dial\": \"{code}\" dials {number.Length} characters; at most {CustomerDialPlan.MaxDialLength} (a line's id, an extension or a phone number)", code, number.Length, CustomerDialPlan.MaxDialLength);
            }

            if (number.Any(ch => char.IsWhiteSpace(ch) || char.IsControl(ch)))
            {
                throw new ProvisioningException(where, ProvisioningErrors.AbbreviatedSpaces, $"field \"abbreviated_dialing.dial\": \"{code}\" dials '{number}', which has spaces", code, number);
            }

            if (number.Length == 0)
            {
                continue; // dialed as is (seed 004)
            }

            // The switch finds an account by its id or SIP user name (DialPlan): either must be one of this customer's. The
            // same words for another customer's id as for one that does not exist, so the message tells nobody it exists.
            var account = s.Accounts.FirstOrDefault(a => a.Id == number || a.Sip?.Username == number);
            var phone = (number.StartsWith('+') ? number[1..] : number) is { Length: > 0 and <= 15 } digits && digits.All(char.IsAsciiDigit);
            if (account is null ? !phone : account.CustomerId != c.Id)
            {
                throw new ProvisioningException(where, ProvisioningErrors.AbbreviatedDialTarget, $"field \"abbreviated_dialing.dial\": \"{code}\" dials '{number}', which is not one of the customer's lines (its id or extension) nor a phone number (+ and up to 15 digits)", code, number);
            }
        }
    }

    /// <summary>What a number a prefix's feature swallows is (the refusal's phrases): an extension, a hunt group, an abbreviated number.</summary>
    public static readonly IReadOnlyList<RefusalPhrase> NumberKinds =
        [new("phrase.number-extension", "extension"), new("phrase.number-hunt-group", "hunt group"), new("phrase.number-abbreviated", "abbreviated number")];

    /// <summary>The prefixes whose feature may swallow a number, by field (<c>pickup_prefix</c>: <c>phrase.pickup-prefix</c>).</summary>
    public static readonly IReadOnlyList<RefusalPhrase> PrefixFeatures =
        [new("phrase.pickup-prefix", "pickup prefix"), new("phrase.paging-prefix", "paging prefix"), new("phrase.release-prefix", "release prefix"), new("phrase.park-prefix", "park prefix")];

    /// <summary>
    /// Seed 004's prefixes against what the customer's users dial: an extension, a hunt group's number or an abbreviated
    /// code that the dial plan would read as a prefix's feature (or that is the prefix itself) makes one of them
    /// undialable (issue 16 review: pickup prefix 201 with extension 201). The message names the prefix's field and the
    /// number it meets.
    /// </summary>
    private static void ValidatePrefixConflicts(ProvisioningSnapshot s, string source)
    {
        var groups = s.HuntGroups.ToLookup(g => g.CustomerId, StringComparer.Ordinal);
        var lines = s.Accounts.Where(a => a.Extension is not null).ToLookup(a => a.CustomerId, StringComparer.Ordinal);
        foreach (var c in s.Customers)
        {
            var f = c.DialPlan.Features;
            var numbers = lines[c.Id].Select(a => (NumberKinds[0], a.Extension!))
                .Concat(groups[c.Id].Select(g => (NumberKinds[1], g.Number)))
                .Concat(c.DialPlan.AbbreviatedDialing.Keys.Select(k => (NumberKinds[2], k)));
            foreach (var (what, number) in numbers)
            {
                var field = number == f.PickupPrefix || (number.StartsWith(f.PickupPrefix, StringComparison.Ordinal) && number[f.PickupPrefix.Length..].All(char.IsAsciiDigit)) ? "pickup_prefix"
                    : number.StartsWith(f.PagingPrefix, StringComparison.Ordinal) ? "paging_prefix"
                    : number.StartsWith(f.ReleasePrefix, StringComparison.Ordinal) && number.Length <= f.ReleasePrefix.Length + 2 && number[f.ReleasePrefix.Length..].All(char.IsAsciiDigit) ? "release_prefix"
                    : number == f.ParkPrefix ? "park_prefix"
                    : null;
                if (field is not null)
                {
                    var prefix = PrefixFeatures.First(p => p.Key == "phrase." + field.Replace('_', '-'));
                    throw new ProvisioningException($"{source}: customers (id \"{c.Id}\")", ProvisioningErrors.PrefixFeatureConflict,
                        $"field \"{field}\": {what} {number} is dialed as the {prefix}'s feature: the dial plan could not tell them apart (change the prefix or the number)", field, what, number, prefix);
                }
            }
        }
    }
}
