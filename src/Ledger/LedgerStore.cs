using System.Diagnostics;
using System.Text;
using Centrex.Ledger.Journal;
using Centrex.Ledger.State;
using Centrex.Rating.Money;

namespace Centrex.Ledger;

/// <summary>
/// The durable ledger in <c>DATA/ledger</c>: the journal of everything that moves money (FasterLog), the account state
/// derived from it (balances and per-period counters, FasterKV) and the registry of every CDR id, batch key and
/// movement id ever charged (the recent ones in memory, older CDR ids sealed on disk behind a filter; all of them in an
/// append-only id log), so nothing is charged twice. The journal is the truth: on opening, the state
/// and the registry are recovered from their last checkpoint and brought forward by replaying the committed journal
/// entries after it, so they are exactly what the committed journal implies.
/// </summary>
public sealed class LedgerStore : IDisposable
{
    private readonly CdrJournal _journal;
    private readonly FasterTable<StateKey, StateValue> _state;
    private readonly LedgerOptions _options;
    private readonly string? _stateRebuild;
    private readonly IdLog _idLog;
    private readonly SealedIds _sealed;
    private readonly LedgerFolderLock _lock;

    private LedgerStore(string folder, LedgerOptions options, LedgerFolderLock held)
    {
        Folder = folder;
        _lock = held;
        _options = options;
        try
        {
            // An open refused because the files disagree must leave every file as it found it (two writers on one folder
            // once left an ids.meta older than the sealed runs, and the refusing open had already cut ids.log back to
            // it): the journal and the registry are opened without changing a byte and checked against each other
            // first, before the state, whose recovery FASTER does not make read-only; Recover makes the repairs once
            // nothing can refuse any more.
            _journal = new CdrJournal(Path.Combine(folder, "journal"));
            _idLog = new IdLog(Path.Combine(folder, "ids"));
            _sealed = SealedIds.Open(Path.Combine(folder, "ids"), options.LargestSealedRun, options.CallIdsInMemory, new CrashPoints(options.CrashAt));
            ThrowIfAheadOfTheJournal("the id registry", _idLog.CoveredUntil, _journal.CommittedUntil);
            _idLog.ThrowIfRunsCoverMore(_sealed.Until);

            // Sized for the ids not sealed yet, at least a seal's worth: grown from its minimum, it was rehashed five times
            // over the first 600,000 calls after every start (issue 16).
            var calls = new IdIndex(Math.Max(_idLog.Durable - _sealed.Until, options.CallIdsInMemory));
            var names = new IdIndex();
            foreach (var (name, reference) in _sealed.WholeNames())
            {
                names.Add(name, reference);
            }

            _idLog.LoadInto(_sealed.Until, calls, names);
            StateFormat = StateFolder.Prepare(folder, options, out _stateRebuild);
            _state = StateTable.Open(Path.Combine(folder, StateFolder.Name), StateFormat);
            Writer = new LedgerWriter(folder, _journal, _state, calls, names, _sealed, _idLog, options);
        }
        catch
        {
            Dispose(); // what was opened (the lock goes with Open's own handling)
            throw;
        }
    }

    /// <summary>The ledger's folder.</summary>
    public string Folder { get; }

    /// <summary>The account state's kept format (its log sizes), as opened.</summary>
    internal StateFormat StateFormat { get; }

    /// <summary>In-memory part of the account state's log this store keeps (2^bits bytes).</summary>
    public int StateLogMemoryBits => StateFormat.MemoryBits;

    /// <summary>What opening found and did.</summary>
    public RecoveryReport Recovery { get; private set; } = null!;

    /// <summary>The single writer: only one thread may use it.</summary>
    public LedgerWriter Writer { get; }

    /// <summary>Address after the last committed journal entry.</summary>
    public long CommittedUntil => _journal.CommittedUntil;

    /// <summary>Address of the first journal entry.</summary>
    public long JournalBegin => _journal.BeginAddress;

    /// <summary>
    /// Opens the ledger of a data directory, creating it if needed, takes its single-writer lock for the life of the
    /// store and recovers it. A folder another store holds (in this process or another) is refused before anything is
    /// read or written. A ledger whose files disagree (the registry's checkpoint with its runs or the journal, the
    /// state's with the journal, a damaged entry) is refused with every file of the journal and the registry as it
    /// was: the repairs a crash calls for (torn tails, half-written files) are made only once nothing can refuse.
    /// </summary>
    /// <exception cref="LedgerInUseException">Another store holds the ledger: its process is named.</exception>
    /// <exception cref="LedgerUnavailableException">The directory cannot be used (not writable, full, damaged).</exception>
    public static LedgerStore Open(string dataDirectory, LedgerOptions? options = null)
    {
        var folder = Path.Combine(dataDirectory, "ledger");
        var held = LedgerFolderLock.Acquire(folder);
        LedgerStore? store = null;
        try
        {
            CheckWritable(folder);
            var stopwatch = Stopwatch.StartNew();
            store = new LedgerStore(folder, options ?? new LedgerOptions(), held);
            store.Recovery = store.Recover(stopwatch);
            return store;
        }
        catch (Exception e)
        {
            // Whatever failed, the lock goes with it, so the same process can open the folder again.
            if (store is null)
            {
                held.Dispose();
            }
            else
            {
                store.Dispose();
            }

            if (e is IOException or UnauthorizedAccessException or JournalFormatException)
            {
                throw new LedgerUnavailableException(folder, e);
            }

            throw;
        }
    }

    /// <summary>An account's balance as of the last commit (charges lower it, payments raise it). Any thread.</summary>
    public Mills Balance(string account)
    {
        var bytes = Encoding.UTF8.GetBytes(account);
        return StateKey.Fits(bytes) && _state.TryGetShared(StateKey.Balance(bytes), out var value) ? new Mills(value.Amount) : Mills.Zero;
    }

    /// <summary>
    /// The balances of <paramref name="accounts"/> as of the last commit, in their order, read together and without
    /// blocking the caller's thread (records on disk are fetched at once; for request threads: a page showing a
    /// customer's lines). Any thread.
    /// </summary>
    public async ValueTask<Mills[]> BalancesAsync(IReadOnlyList<string> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var keys = new List<StateKey>(accounts.Count);
        var asked = new int[accounts.Count];
        for (var i = 0; i < accounts.Count; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(accounts[i]);
            asked[i] = StateKey.Fits(bytes) ? keys.Count : -1;
            if (asked[i] >= 0)
            {
                keys.Add(StateKey.Balance(bytes));
            }
        }

        var values = keys.Count == 0 ? [] : await _state.GetSharedAsync(keys).ConfigureAwait(false);
        var balances = new Mills[accounts.Count];
        for (var i = 0; i < accounts.Count; i++)
        {
            balances[i] = asked[i] >= 0 ? new Mills(values[asked[i]].Amount) : Mills.Zero;
        }

        return balances;
    }

    /// <summary>An account's counter for a period (<c>yyyyMM</c>, UTC) as of the last commit. Any thread.</summary>
    public long Counter(string account, CounterKind counter, int period)
    {
        var bytes = Encoding.UTF8.GetBytes(account);
        return StateKey.Fits(bytes) && _state.TryGetShared(StateKey.Month(bytes, period), out var value) ? value.Counter(counter) : 0;
    }

    /// <summary>Visits the committed journal entries from <paramref name="from"/> on, in order.</summary>
    /// <remarks>The calls of a block are visited one by one; each gets its <see cref="EntryReference"/>.</remarks>
    public void ScanJournal(long from, EntryVisitor visit) =>
        _journal.Scan(from, _journal.CommittedUntil, (address, entry) => BlockCodec.Expand(address, entry, visit));

    /// <summary>
    /// Visits the committed journal entries from <paramref name="from"/> to before <paramref name="until"/> (at most the
    /// committed end), in order. Any thread: FasterLog's iterators read beside its writer, so a reader of a fixed range
    /// (journal verify beside charging) never waits for the writer nor makes it wait.
    /// </summary>
    public void ScanJournal(long from, long until, EntryVisitor visit) =>
        _journal.Scan(from, Math.Min(until, _journal.CommittedUntil), (address, entry) => BlockCodec.Expand(address, entry, visit));

    /// <summary>
    /// Every balance and non-zero counter the state holds (for verification), a counter named by its
    /// <see cref="StateKey.CounterOf"/> key. Call while no batch is being written.
    /// </summary>
    public IReadOnlyList<(StateKey Key, long Value)> StateSnapshot()
    {
        var items = new List<(StateKey, long)>();
        foreach (var (key, value) in _state.Snapshot())
        {
            if (key.Kind == StateKind.Balance)
            {
                items.Add((key, value.Amount));
            }
            else if (key.Kind == StateKind.Month)
            {
                foreach (var counter in Enum.GetValues<CounterKind>())
                {
                    if (value.Counter(counter) != 0)
                    {
                        items.Add((StateKey.CounterOf(key.Account, counter, key.Period), value.Counter(counter)));
                    }
                }
            }
            else if (key.Kind != StateKind.Meta)
            {
                // A record this format never writes: shown, so verification reports it instead of missing it.
                items.Add((key, value.Amount));
            }
        }

        return items;
    }

    /// <summary>Closes the store. Anything not committed is gone, as after a crash; nothing committed is lost.</summary>
    public void Dispose()
    {
        // Null-conditional: a constructor that failed half way disposes what it had opened.
        _sealed?.Dispose(); // first: a seal under way reads the id log
        _idLog?.Dispose();
        _state?.Dispose();
        _journal?.Dispose();
        _lock.Dispose(); // last: nothing of this store writes once another may open the folder
    }

    private RecoveryReport Recover(Stopwatch stopwatch)
    {
        var committed = _journal.CommittedUntil;
        var stateFrom = _state.TryGet(StateKey.AppliedUntil, out var applied) ? applied.Amount : _journal.BeginAddress;
        var namesFrom = _idLog.CoveredUntil >= 0 ? _idLog.CoveredUntil : _journal.BeginAddress;
        ThrowIfAheadOfTheJournal("the state", stateFrom, committed);

        var from = Math.Min(stateFrom, namesFrom);
        Action<long>? progress = null;
        if (_stateRebuild is not null && _options.StateRebuildProgress is { } report)
        {
            var begin = _journal.BeginAddress;
            report(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"rebuilding the account state from the journal into a store with a {StateFormat.MemoryText} in-memory log: {_stateRebuild}"));
            progress = address => report(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"rebuilding the account state: {100.0 * (address - begin) / Math.Max(1, committed - begin):F0} % of the journal ({(address - begin) / 1_048_576:N0} of {(committed - begin) / 1_048_576:N0} MiB)"));
        }

        var replayed = Writer.Replay(from, committed, stateFrom, namesFrom, progress);

        // Nothing refused the open (the replay neither: no damaged entry, no name twice): only now are the repairs a
        // crash calls for made, and only now is anything written.
        _journal.CutTornTail();
        _idLog.CutUncheckpointed();
        _sealed.Tidy();
        StateFolder.Tidy(Folder);
        Writer.ApplyReplayed(committed);
        if (replayed > 0 || !_state.Recovered)
        {
            Writer.Checkpoint();
        }

        return new RecoveryReport(_state.Recovered, committed, from, replayed, _journal.TornBytesDiscarded, stopwatch.Elapsed) { StateRebuilt = _stateRebuild };
    }

    private static void ThrowIfAheadOfTheJournal(string what, long checkpointed, long committed)
    {
        if (checkpointed > committed)
        {
            throw new JournalFormatException(checkpointed,
                $"{what} was checkpointed up to address {checkpointed} but the journal is committed only to {committed}: the journal has lost committed entries");
        }
    }

    private static void CheckWritable(string folder)
    {
        try
        {
            var probe = Path.Combine(folder, ".write-test");
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LedgerUnavailableException(folder, e);
        }
    }
}
