using System.Text;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;

namespace Centrex.Rating.Charging;

/// <summary>
/// What an account's contract changes about how its calls are priced, applied after the tariff rated a call (issue 17):
/// <list type="bullet">
/// <item>A call to one of the account's own toll-free DIDs that has an inbound rate is a call received on it: class
/// <see cref="NumberClass.TollFreeInbound"/>, charged at that rate ("Toll Free numbers are charged according to your
/// service contract").</item>
/// <item>A domestic call to a prefix of the account's local calling area is <see cref="NumberClass.Local"/>, charged at the
/// area's rate (seed 000, "Free Local Calling").</item>
/// </list>
/// Billed seconds stay the tariff's increments. Lookups decode the account onto the stack: nothing is allocated per call.
/// Thread-safe once built (read only).
/// </summary>
public sealed class AccountRules
{
    private const int MaxAccountChars = 256;
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _accounts;
    private readonly int _count;

    /// <summary>Builds the rules.</summary>
    /// <param name="areas">Local calling areas by id.</param>
    /// <param name="accounts">Each account with its local area (or null) and its DIDs' inbound rates (E.164 digits → rate).</param>
    public AccountRules(IEnumerable<LocalArea> areas, IEnumerable<(string Account, string? Area, IReadOnlyDictionary<string, MicroDollars> InboundRates)> accounts)
    {
        var given = areas.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var compiled = given.ToDictionary(a => a.Key, a => new Area(a.Value), StringComparer.Ordinal);
        var map = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var content = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (account, area, inbound) in accounts)
        {
            var entry = new Entry(area is null ? null : compiled[area], inbound.Count == 0 ? null : new Dictionary<string, MicroDollars>(inbound, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>());
            if (entry.Area is not null || entry.Inbound is not null)
            {
                map[account] = entry;
                content[account] = Describe(area is null ? null : given[area], inbound);
            }
        }

        _count = map.Count;
        _accounts = map.GetAlternateLookup<ReadOnlySpan<char>>();
        Fingerprint = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', content.Select(c => c.Key + "\t" + c.Value)))));
    }

    /// <summary>
    /// A hash of what the rules say (each account's area prefixes and rate, its DIDs' inbound rates, in a canonical
    /// order), not of how they were given: two sets built from the same provisioning are the same rules. <c>serve</c>
    /// keeps a new version of the rules only when this differs (<see cref="Rater.ChangeAccountRules"/>).
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>Whether <paramref name="other"/> says the same as these rules (<see cref="Fingerprint"/>).</summary>
    public bool SameAs(AccountRules? other) => other is not null && other.Fingerprint == Fingerprint;

    private static string Describe(LocalArea? area, IReadOnlyDictionary<string, MicroDollars> inbound) =>
        (area is null ? "-" : $"{area.RatePerMinute.Value}:{string.Join(',', area.Prefixes.Order(StringComparer.Ordinal))}")
        + "\t" + string.Join(',', inbound.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"{i.Key}={i.Value.Value}"));

    /// <summary>Accounts with a rule.</summary>
    public int Count => _count;

    /// <summary>Reclassifies and reprices <paramref name="call"/> (rated by the tariff) by the rules of <paramref name="account"/> (UTF-8).</summary>
    public void Apply(ReadOnlySpan<byte> account, ref RatedCall call)
    {
        if (TryReclassify(account, ref call, out var ratePerMinute))
        {
            call.Charge = ChargeCalculator.Charge(ratePerMinute, default, call.BilledSeconds);
        }
    }

    /// <summary>
    /// Reclassifies <paramref name="call"/> (rated by the tariff) by the rules of <paramref name="account"/> (UTF-8)
    /// without pricing it: true, with the per-minute rate that then prices it (no connect fee; the tariff's
    /// increments), when a rule applies. The switch's balance authorization prices a call before it has a duration
    /// this way: a free local call is not refused for a prepaid account's empty balance.
    /// </summary>
    public bool TryReclassify(ReadOnlySpan<byte> account, ref RatedCall call, out MicroDollars ratePerMinute)
    {
        ratePerMinute = default;
        if (_count == 0 || account.Length > MaxAccountChars || call.Class is not (NumberClass.Domestic or NumberClass.TollFree))
        {
            return false;
        }

        Span<char> name = stackalloc char[MaxAccountChars];
        if (!Encoding.UTF8.TryGetChars(account, name, out var length) || !_accounts.TryGetValue(name[..length], out var entry))
        {
            return false;
        }

        var digits = call.Callee.Digits;
        if (call.Class == NumberClass.TollFree && entry.Inbound is { } inbound)
        {
            Span<char> number = stackalloc char[digits.Length];
            for (var i = 0; i < digits.Length; i++)
            {
                number[i] = (char)digits[i];
            }

            if (inbound.TryGetValue(number, out ratePerMinute))
            {
                call.Class = NumberClass.TollFreeInbound;
                return true;
            }
        }
        else if (call.Class == NumberClass.Domestic && entry.Area is { } area && area.Contains(digits))
        {
            call.Class = NumberClass.Local;
            ratePerMinute = area.Rate;
            return true;
        }

        return false;
    }

    private sealed record Entry(Area? Area, Dictionary<string, MicroDollars>.AlternateLookup<ReadOnlySpan<char>>? Inbound);

    /// <summary>An area's prefixes as numbers, grouped by length: a call is tested once per distinct length.</summary>
    private sealed class Area(LocalArea area)
    {
        private readonly int[] _lengths = [.. area.Prefixes.Select(p => p.Length).Distinct().Order()];
        private readonly HashSet<long> _prefixes = [.. area.Prefixes.Select(p => Key(p.Length, long.Parse(p, System.Globalization.CultureInfo.InvariantCulture)))];

        public MicroDollars Rate { get; } = area.RatePerMinute;

        public bool Contains(ReadOnlySpan<byte> digits)
        {
            foreach (var length in _lengths)
            {
                if (length > digits.Length)
                {
                    break;
                }

                long value = 0;
                for (var i = 0; i < length; i++)
                {
                    value = (value * 10) + (digits[i] - '0');
                }

                if (_prefixes.Contains(Key(length, value)))
                {
                    return true;
                }
            }

            return false;
        }

        private static long Key(int length, long value) => (value << 5) | (uint)length; // at most 15 digits: fits with the length
    }
}
