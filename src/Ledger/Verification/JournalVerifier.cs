using System.Text;
using Centrex.Ledger.Journal;
using Centrex.Ledger.State;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Numbering;

namespace Centrex.Ledger.Verification;

/// <summary>
/// Recomputes every balance and counter from the committed journal alone and compares them with the account state;
/// also checks that no CDR id, movement id or batch key appears twice and that every entry decodes.
/// </summary>
public static class JournalVerifier
{
    /// <summary>Most differences listed in a report (the count is always complete).</summary>
    public const int MaxListed = 50;

    /// <summary>Verifies the store. Call while nothing is being written.</summary>
    public static VerificationReport Verify(LedgerStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Compare(store, store.CommittedUntil, store.StateSnapshot());
    }

    /// <summary>
    /// Verifies the store while <paramref name="writer"/> goes on charging (review item 15: with 10 M calls a verify on
    /// the writer thread stalled every batch and call for as long as it ran). The writer thread only takes the
    /// consistent point: the address up to which the state holds the journal's changes (<see cref="LedgerWriter.AppliedUntil"/>;
    /// the state moves only when a commit is applied) and a copy of the state there, one pass over the accounts' records.
    /// The long part, reading the journal up to that address, runs on a thread of its own beside the writer.
    /// </summary>
    public static async Task<VerificationReport> VerifyBeside(LedgerStore store, LedgerWriterThread writer)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(writer);
        var (until, state) = await writer.Submit(w => (w.AppliedUntil, store.StateSnapshot())).ConfigureAwait(false);
        return await Task.Factory.StartNew(() => Compare(store, until, state), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
    }

    /// <summary>Compares the journal before <paramref name="until"/> with <paramref name="state"/>, the state at that address.</summary>
    private static VerificationReport Compare(LedgerStore store, long until, IReadOnlyList<(StateKey Key, long Value)> state)
    {
        var expected = new Dictionary<StateKey, long>(StateKeyEquality.Instance);
        var problems = new List<string>();
        var problemCount = 0L;
        var names = new[] { new CdrIdSet(), new CdrIdSet(), new CdrIdSet() };
        long entries = 0, calls = 0, movements = 0, batches = 0;

        void Problem(string text)
        {
            problemCount++;
            if (problems.Count < MaxListed)
            {
                problems.Add(text);
            }
        }

        void Add(StateKey key, long delta) => expected[key] = checked(expected.GetValueOrDefault(key) + delta);

        void Name(int set, string what, ReadOnlySpan<byte> name, long address)
        {
            if (!names[set].Add(name))
            {
                Problem($"{what} '{Encoding.UTF8.GetString(name)}' appears again at address {address}");
            }
        }

        store.ScanJournal(store.JournalBegin, until, (address, entry) =>
        {
            entries++;
            try
            {
                switch (entry.Length > 1 ? (JournalRecordKind)entry[1] : default)
                {
                    case JournalRecordKind.RatedCdr:
                        RatedCdrCodec.Check(entry, address);
                        calls++;
                        Name(0, "CDR id", RatedCdrCodec.Id(entry), address);
                        var account = RatedCdrCodec.Account(entry);
                        var period = RatedCdrCodec.Period(entry);
                        var net = RatedCdrCodec.NetMills(entry);
                        var billed = RatedCdrCodec.BilledSeconds(entry);
                        var discount = RatedCdrCodec.DiscountMills(entry);
                        Add(StateKey.Balance(account), -net);
                        Add(StateKey.CounterOf(account, CounterKind.Calls, period), 1);
                        Add(StateKey.CounterOf(account, CounterKind.BilledSeconds, period), billed);
                        Add(StateKey.CounterOf(account, CounterKind.NetChargeMills, period), net);
                        if (RatedCdrCodec.Class(entry) == NumberClass.Domestic)
                        {
                            Add(StateKey.CounterOf(account, CounterKind.DomesticBilledSeconds, period), billed);
                        }

                        if (discount != 0)
                        {
                            Add(StateKey.CounterOf(account, CounterKind.DiscountMills, period), discount);
                        }

                        break;
                    case JournalRecordKind.Movement:
                        MovementCodec.Read(entry, address);
                        movements++;
                        Name(1, "movement id", MovementCodec.Id(entry), address);
                        Add(StateKey.Balance(MovementCodec.Account(entry)), MovementCodec.AmountMills(entry));
                        break;
                    case JournalRecordKind.Batch:
                        BatchCodec.Read(entry, address);
                        batches++;
                        Name(2, "batch key", BatchCodec.Key(entry), address);
                        break;
                    default:
                        Problem($"address {address}: unknown entry kind");
                        break;
                }
            }
            catch (JournalFormatException e)
            {
                Problem(e.Message);
            }
        });

        var actual = state.ToDictionary(item => item.Key, item => item.Value, StateKeyEquality.Instance);
        var accounts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in expected.Keys.Union(actual.Keys, StateKeyEquality.Instance))
        {
            accounts.Add(Encoding.UTF8.GetString(key.Account));
            var want = expected.GetValueOrDefault(key);
            var have = actual.GetValueOrDefault(key);
            if (want != have)
            {
                Problem($"{Describe(key)}: the journal implies {want}, the state holds {have}");
            }
        }

        return new VerificationReport(entries, calls, movements, batches, accounts.Count, problemCount, problems);
    }

    private static string Describe(StateKey key) => key.Kind == StateKind.Balance
        ? $"balance of '{Encoding.UTF8.GetString(key.Account)}' (mills)"
        : $"{key.Counter} of '{Encoding.UTF8.GetString(key.Account)}' in {key.Period}";
}
