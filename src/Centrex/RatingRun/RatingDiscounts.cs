using System.Buffers.Binary;
using System.Text;
using Centrex.Ledger;
using Centrex.Ledger.Journal;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;
using Centrex.Rating.Discounts;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.RatingRun;

/// <summary>
/// Volume discounts applied to each call at rating time, in file order, by the write stage before the call is journaled
/// (issue 3; self-care manual, Volume Discounts): the journal then carries the discount and the balance moves by the net
/// charge, so it is right in real time. An account's plans come from provisioning (<c>DATA/provisioning.db</c>); its
/// counting period is the calendar month of the call in the customer's time zone. Counters are rebuilt from the
/// journal when a run starts, by applying the same rules to the calls already journaled in the same order: the journal
/// stays the single truth and a counter can never disagree with it.
/// </summary>
internal sealed class RatingDiscounts
{
    /// <summary>Byte offset of the discount (i64 mills) in a journaled rated CDR (RatedCdrCodec, format 1).</summary>
    private const int DiscountOffset = 40;

    private readonly Dictionary<string, (IReadOnlyList<DiscountPlan> Plans, DateTimeZone Zone, DiscountCounters Counters)> _accounts;
    private readonly Dictionary<string, (IReadOnlyList<DiscountPlan> Plans, DateTimeZone Zone, DiscountCounters Counters)>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private RatingDiscounts(Dictionary<string, (IReadOnlyList<DiscountPlan>, DateTimeZone, DiscountCounters)> accounts)
    {
        _accounts = accounts;
        _lookup = accounts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Discounts given by this run so far.</summary>
    public Mills Given { get; private set; }

    /// <summary>The accounts with discount plans in a provisioning snapshot, or null when none has any.</summary>
    public static RatingDiscounts? From(ProvisioningSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var plans = snapshot.DiscountPlans.ToDictionary(p => p.Id, p => p.Plan, StringComparer.Ordinal);
        var zones = snapshot.Customers.ToDictionary(c => c.Id, c => DateTimeZoneProviders.Tzdb[c.TimeZone], StringComparer.Ordinal);
        var accounts = snapshot.Accounts.Where(a => a.DiscountPlans.Count > 0).ToDictionary(
            a => a.Id,
            a => ((IReadOnlyList<DiscountPlan>)[.. a.DiscountPlans.Select(id => plans[id])], zones[a.CustomerId], new DiscountCounters()),
            StringComparer.Ordinal);
        return accounts.Count == 0 ? null : new RatingDiscounts(accounts);
    }

    /// <summary>
    /// The volume discounts of the accounts provisioned in a data directory, their counters rebuilt from the journal;
    /// null when nothing is provisioned or no account has a discount plan. Read once, when a run or the server starts.
    /// </summary>
    public static RatingDiscounts? Load(string dataDirectory, LedgerStore ledger)
    {
        if (!File.Exists(Path.Combine(dataDirectory, ProvisioningStore.FileName)))
        {
            return null;
        }

        using var provisioning = ProvisioningStore.Open(dataDirectory);
        var discounts = From(provisioning.Load());
        discounts?.Replay(ledger);
        return discounts;
    }

    /// <summary>Brings the counters up to date with every call the journal holds.</summary>
    public void Replay(LedgerStore ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ledger.ScanJournal(ledger.JournalBegin, (_, entry) =>
        {
            if (entry.Length > 1 && entry[1] == (byte)JournalRecordKind.RatedCdr)
            {
                Compute(entry);
            }
        });
        Given = Mills.Zero;
    }

    /// <summary>
    /// Applies the account's plans to an encoded call that is about to be journaled, writes the discount into it and
    /// advances the counters. Calls of accounts without plans are left as they are (discount 0).
    /// </summary>
    public void Apply(Span<byte> entry)
    {
        var discount = Compute(entry);
        if (discount is { } d)
        {
            BinaryPrimitives.WriteInt64LittleEndian(entry[DiscountOffset..], d.Value);
            Given += d;
        }
    }

    /// <summary>Used and remaining volume of each of an account's plans in a period (self-care: "Used / Remaining").</summary>
    public IReadOnlyList<DiscountStatus> Status(string account, YearMonth period) =>
        _accounts.TryGetValue(account, out var a) ? [.. a.Plans.Select(p => a.Counters.Status(p, period))] : [];

    /// <summary>
    /// Each plan's usage per period of each of <paramref name="accounts"/> (seed 004: used, remaining and history). Call on
    /// the thread that applies the discounts (the writer thread): the counters are that thread's alone.
    /// </summary>
    public IReadOnlyList<(string Account, string PlanId, DiscountCounter Counter)> Usage(IEnumerable<string> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var usage = new List<(string, string, DiscountCounter)>();
        foreach (var id in accounts)
        {
            if (_accounts.TryGetValue(id, out var a))
            {
                foreach (var plan in a.Plans)
                {
                    usage.AddRange(a.Counters.History(plan.Id).Select(c => (id, plan.Id, c)));
                }
            }
        }

        return usage;
    }

    /// <summary>
    /// Whether the account of an encoded call has a discount plan: only such calls need the writer's duplicate check
    /// before <see cref="Apply"/> (a second lookup of the id in the exactly-once registry, its costliest work).
    /// </summary>
    public bool Covers(ReadOnlySpan<byte> entry) => TryAccount(entry, out _);

    private bool TryAccount(ReadOnlySpan<byte> entry, out (IReadOnlyList<DiscountPlan> Plans, DateTimeZone Zone, DiscountCounters Counters) account)
    {
        var accountBytes = RatedCdrCodec.Account(entry);
        Span<char> name = stackalloc char[Encoding.UTF8.GetMaxCharCount(accountBytes.Length)];
        return _lookup.TryGetValue(name[..Encoding.UTF8.GetChars(accountBytes, name)], out account);
    }

    private Mills? Compute(ReadOnlySpan<byte> entry)
    {
        if (!TryAccount(entry, out var account))
        {
            return null;
        }

        // Only the discounted accounts' calls are decoded (the callee is needed for the destination group's prefixes).
        var call = RatedCdrCodec.Read(entry, 0);
        var period = call.Start.InZone(account.Zone).Date.ToYearMonth();
        return VolumeDiscounter.Apply(new DiscountCall(call.Callee, call.Class, call.BilledSeconds, call.Charge), account.Plans, account.Counters, period);
    }
}
