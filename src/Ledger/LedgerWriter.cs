using System.Diagnostics;
using System.Text;
using Centrex.Ledger.Journal;
using Centrex.Ledger.State;
using Centrex.Rating.Csv;
using Centrex.Rating.Numbering;

namespace Centrex.Ledger;

/// <summary>
/// The ledger's single writer. Entries are appended to the journal and their names registered at once (so a repeat
/// in the same batch is caught), while balance and counter changes are summed in memory; <see cref="Commit"/> makes
/// the journal durable first and only then applies the sums, so the state never runs ahead of the committed journal.
/// Callers acknowledge anything only after <see cref="Commit"/> returns. After any I/O failure the writer refuses
/// further work: the process must restart, and recovery rebuilds the state from what was committed.
/// </summary>
public sealed class LedgerWriter
{
    // The most totals a new commit table is sized for up front (it still grows past them).
    private const int MostTotalsExpected = 1 << 17;

    private readonly CdrJournal _journal;
    private readonly FasterTable<StateKey, StateValue> _state;
    // The exactly-once registry: CDR ids not yet sealed (_calls), whole-entry names (_names: movements, batch keys and
    // calls of journals from before blocks; few, and never sealed) and the sealed runs on disk behind their filter.
    private IdIndex _calls;
    private readonly IdIndex _names;
    private readonly SealedIds _sealed;
    private readonly IdLog _idLog;
    // While a seal is written, the ids it moves stay here (asked after _calls); emptied and kept for the next seal.
    private IdIndex? _frozen;
    private Task<IdIndex>? _spareCalls;
    private readonly LedgerOptions _options;
    private readonly CrashPoints _crash;
    private readonly Queue<CommitGroup> _inFlight = new();
    private readonly Stack<PendingTotals> _spareTotals = new();
    private PendingTotals _pending = new();

    // The state updates of the commit being applied: one list for every commit (at 100,000 accounts it holds ~200,000).
    private readonly List<(StateKey Key, StateValue Delta)> _stateUpdates = [];
    private long _appliedUntil;
    private long _appliedIdRecords;
    private readonly ByteBuffer _scratch = new(4096);

    // Calls appended since the last block was enqueued: they become one journal entry (BlockCodec) when the block is
    // full or at the commit, so the journal's per-entry work (header, checksum, epoch) is paid per block, not per call.
    private readonly ByteBuffer _block = new(MaxBlockBytes + (1 << 16));
    private readonly List<NameFingerprint> _blockNames = new(EntryReference.MaxBlockEntries);

    // Batch entries appended and not yet applied, by journal address (not by EntryReference: the address is what
    // FindBatch derives from the registry and what AppliedUntil is compared with). The journal cannot read them back
    // until they are durable, and a retry of a batch in the same group commit must still find its answer.
    private readonly Dictionary<long, byte[]> _uncommittedBatches = [];

    // The names Replay registered, in journal order, for ApplyReplayed to write to the id log.
    private readonly List<(NameFingerprint Name, long Reference)> _replayedNames = [];

    // Bumped whenever the writer starts changing its state; see Changes.
    private long _changes;

    /// <summary>Journal bytes a block holds before it is enqueued.</summary>
    private const int MaxBlockBytes = 256 * 1024;

    /// <summary>The registry's value for a call this process appended (the id log records its reference).</summary>
    private const long InOpenBlock = -2;

    /// <summary>What <see cref="Find(JournalRecordKind, NameFingerprint)"/> answers for a call id sealed on disk (its reference is not kept).</summary>
    private const long Sealed = -3;
    private long _uncommittedBytes;
    private readonly Stopwatch _sinceCheckpoint = Stopwatch.StartNew();
    private long _entriesSinceCheckpoint;
    private long _checkpointedUntil = -1;
    private long _checkpointedAtTicks;
    private Exception? _fault;

    private readonly string _folder;

    // The customer's zone of each account, looked up by the account's UTF-8 bytes decoded onto the stack: no allocation.
    private readonly Dictionary<string, NodaTime.DateTimeZone>.AlternateLookup<ReadOnlySpan<char>>? _zones;

    internal LedgerWriter(string folder, CdrJournal journal, FasterTable<StateKey, StateValue> state, IdIndex calls, IdIndex names, SealedIds sealedIds, IdLog idLog, LedgerOptions options)
    {
        _folder = folder;
        _journal = journal;
        _state = state;
        _calls = calls;
        _names = names;
        _sealed = sealedIds;
        _idLog = idLog;
        _options = options;
        _crash = new CrashPoints(options.CrashAt);
        if (options.AccountZones is { Count: > 0 } zones)
        {
            _zones = new Dictionary<string, NodaTime.DateTimeZone>(zones, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    /// <summary>Entries appended since the last commit.</summary>
    public int Uncommitted { get; private set; }

    /// <summary>Bytes of entries appended since the last commit.</summary>
    public long UncommittedBytes => _uncommittedBytes;

    /// <summary>
    /// Counts the changes the writer has begun (an entry appended, a commit requested or applied, a checkpoint): a work
    /// item that throws while this stays the same left the writer exactly as it found it.
    /// </summary>
    internal long Changes => _changes;

    /// <summary>Whether an I/O failure stopped the writer (it refuses all work until the process restarts).</summary>
    internal bool IsFaulted => _fault is not null;

    /// <summary>The ledger's folder.</summary>
    internal string Folder => _folder;

    /// <summary>Batch records kept in memory until their commit is applied (then read back from the journal).</summary>
    internal int UncommittedBatchCount => _uncommittedBatches.Count;

    /// <summary>Whether a rated call with this id was appended (committed or not).</summary>
    public bool ContainsCdr(ReadOnlySpan<byte> id) => Find(JournalRecordKind.RatedCdr, id) != -1;

    /// <summary>
    /// Appends a rated call unless its id was charged before: registers the id, and adds its net charge to the account's
    /// balance (as a debit) and its counters, effective at the next <see cref="Commit"/>.
    /// </summary>
    /// <param name="cdr">The call.</param>
    /// <returns>True when appended; false when the id was already charged (a duplicate, left alone).</returns>
    /// <exception cref="ArgumentException">The account is longer than <see cref="StateKey.MaxAccountLength"/> bytes.</exception>
    public bool TryAppendRatedCdr(in RatedCdrFields cdr)
    {
        _scratch.Clear();
        RatedCdrCodec.Write(cdr, _scratch);
        return TryAppendEncodedCdr(_scratch.Written) switch
        {
            CdrAppend.Appended => true,
            CdrAppend.Duplicate => false,
            _ => throw new ArgumentException($"account ids are at most {StateKey.MaxAccountLength} bytes"),
        };
    }

    /// <summary>
    /// The same for a call already encoded by <see cref="RatedCdrCodec"/> (a pipeline stage encodes it in parallel,
    /// the writer only appends it).
    /// </summary>
    /// <param name="entry">The encoded call.</param>
    public CdrAppend TryAppendEncodedCdr(ReadOnlySpan<byte> entry)
    {
        ThrowIfFaulted();
        var account = RatedCdrCodec.Account(entry);
        if (!StateKey.Fits(account))
        {
            return CdrAppend.AccountTooLong;
        }

        var id = NameHash.Of(JournalRecordKind.RatedCdr, RatedCdrCodec.Id(entry));

        // Every table the id is looked up in is far larger than the cache, and the lookups below would take their misses
        // one after another: start them all now, and work out the call's month while they load.
        PrefetchId(id);
        var start = RatedCdrCodec.StartUnixSeconds(entry);

        // The customer's zone only matters within 18 hours of a month's end (LocalPeriod): the lookup (a UTF-8 decode
        // and a dictionary probe) is skipped for every other call.
        var offset = LocalPeriod.NearMonthBoundary(start) ? LocalPeriod.MonthOffset(start, ZoneOf(account)) : (sbyte)0;
        var period = LocalPeriod.Of(start, offset);
        _pending.Prefetch(account, period);
        if (_names.Find(id) != -1 || (_frozen is { } frozen && frozen.Find(id) != -1) || _sealed.Contains(id) || !_calls.TryAdd(id, InOpenBlock))
        {
            return CdrAppend.Duplicate;
        }

        _changes++;
        AppendToBlock(entry, id, offset);
        var net = RatedCdrCodec.NetMills(entry);
        AddCall(account, period, RatedCdrCodec.Class(entry),
            RatedCdrCodec.BilledSeconds(entry), net, RatedCdrCodec.DiscountMills(entry));
        return CdrAppend.Appended;
    }

    /// <summary>
    /// Hints that <paramref name="entry"/> (an encoded call) will be appended soon: a writer appending many calls calls
    /// this a few calls ahead so the id registry's memory is already in the cache when the call's turn comes.
    /// </summary>
    public void Prefetch(ReadOnlySpan<byte> entry) => PrefetchId(NameHash.Of(JournalRecordKind.RatedCdr, RatedCdrCodec.Id(entry)));

    private void PrefetchId(NameFingerprint id)
    {
        _names.Prefetch(id);
        _calls.Prefetch(id);
        _frozen?.Prefetch(id);
        _sealed.Prefetch(id);
    }

    /// <summary>Posts a payment, top-up, refund or adjustment unless its id was posted before.</summary>
    /// <returns>True when posted; false when a movement with this id was already posted.</returns>
    public bool TryPostMovement(BalanceMovement movement)
    {
        ArgumentNullException.ThrowIfNull(movement);
        ThrowIfFaulted();
        var id = Encoding.UTF8.GetBytes(movement.Id);
        var account = Encoding.UTF8.GetBytes(movement.Account);
        if (!StateKey.Fits(account))
        {
            throw new ArgumentException($"account ids are at most {StateKey.MaxAccountLength} bytes", nameof(movement));
        }

        var name = NameHash.Of(JournalRecordKind.Movement, id);
        if (_names.Find(name) != -1)
        {
            return false;
        }

        _scratch.Clear();
        MovementCodec.Write(movement, _scratch);
        Register(name, Append(_scratch.Written));
        _pending.AddMovement(account, movement.Amount.Value);
        return true;
    }

    /// <summary>The batch accepted earlier under <paramref name="key"/>, or null.</summary>
    public AcceptedBatch? FindBatch(string key)
    {
        var reference = Find(JournalRecordKind.Batch, Encoding.UTF8.GetBytes(key));
        if (reference < 0)
        {
            return null;
        }

        // A batch whose commit is not applied yet cannot be read back from the journal: its copy in memory answers.
        var address = EntryReference.Address(reference);
        return BatchCodec.Read(_uncommittedBatches.TryGetValue(address, out var entry) ? entry : _journal.Read(address), address);
    }

    /// <summary>Records an accepted batch (after its calls), so a retry with its key gets the same answer.</summary>
    /// <exception cref="InvalidOperationException">A batch with this key was recorded before.</exception>
    public void AppendBatch(AcceptedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ThrowIfFaulted();
        var key = NameHash.Of(JournalRecordKind.Batch, Encoding.UTF8.GetBytes(batch.Key));
        if (_names.Find(key) != -1)
        {
            throw new InvalidOperationException($"a batch with idempotency key '{batch.Key}' was already recorded");
        }

        _scratch.Clear();
        BatchCodec.Write(batch, _scratch);
        var reference = Append(_scratch.Written);
        _uncommittedBatches[EntryReference.Address(reference)] = _scratch.Written.ToArray();
        Register(key, reference);
    }

    /// <summary>Journal address up to which entries are durable and applied: acknowledge everything before it.</summary>
    public long AppliedUntil => _appliedUntil;

    /// <summary>
    /// Makes everything appended so far durable, then applies its balance and counter changes; checkpoints the state
    /// when one is due. Acknowledge appended entries only after this returns.
    /// </summary>
    /// <exception cref="LedgerUnavailableException">The journal or state could not be written; the writer is now faulted.</exception>
    public void Commit()
    {
        ThrowIfFaulted();
        if (Uncommitted == 0 && _inFlight.Count == 0)
        {
            return;
        }

        var until = RequestCommit();
        Guard(() => _journal.WaitForCommit(until));
        CompleteCommits();
    }

    /// <summary>
    /// Starts committing everything appended so far without waiting (pipelined group commit: the writer goes on
    /// appending while the disk flushes); returns the journal address the commit covers. Entries are acknowledged once
    /// <see cref="CompleteCommits"/> reports them applied.
    /// </summary>
    /// <exception cref="LedgerUnavailableException">The disk is full or failing; the writer is now faulted.</exception>
    public long RequestCommit()
    {
        ThrowIfFaulted();
        if (Uncommitted == 0)
        {
            return _inFlight.Count > 0 ? _inFlight.Last().Until : _appliedUntil;
        }

        _changes++;
        return Guard(() =>
        {
            FlushBlock();
            CheckFreeSpace();
            _crash.Reach("before-commit");
            var until = _journal.Tail;
            _journal.RequestCommit();
            _inFlight.Enqueue(new CommitGroup(until, _pending, Uncommitted, _idLog.Written));

            // A new table starts at the size the last commit needed: grown from the minimum by doubling, a wide
            // commit's table was rehashed eight times on this thread (5.6 % of its time in issue 16's ingestion bench).
            // Capped: after a replay the table held every account-month the replay touched (~120 MiB at full scale).
            _pending = _spareTotals.Count > 0 ? _spareTotals.Pop() : new PendingTotals(Math.Min(_pending.Count, MostTotalsExpected));
            Uncommitted = 0;
            _uncommittedBytes = 0;
            return until;
        });
    }

    /// <summary>
    /// Applies the balance and counter changes of every requested commit that is now durable, and checkpoints when one
    /// is due. Returns <see cref="AppliedUntil"/>: entries before it may be acknowledged.
    /// </summary>
    /// <exception cref="LedgerUnavailableException">The state could not be written; the writer is now faulted.</exception>
    public long CompleteCommits()
    {
        ThrowIfFaulted();
        _changes++;
        return Guard(() =>
        {
            var committed = _journal.CommittedUntil;
            while (_inFlight.TryPeek(out var group) && group.Until <= committed)
            {
                _inFlight.Dequeue();
                _crash.Reach("after-commit");
                Apply(group.Totals, group.Until);
                _spareTotals.Push(group.Totals);
                _appliedIdRecords = group.IdRecords;
                _entriesSinceCheckpoint += group.Entries;
            }

            // Applied batches are readable from the journal now: release their copies (kept, the process would hold
            // every batch it ever accepted). Removing while enumerating a Dictionary is allowed since .NET Core 3.0.
            foreach (var address in _uncommittedBatches.Keys)
            {
                if (address < _appliedUntil)
                {
                    _uncommittedBatches.Remove(address);
                }
            }

            CompleteSeal();
            _sealed.CompleteMerge();
            if (_entriesSinceCheckpoint >= _options.CheckpointEveryEntries
                || (_entriesSinceCheckpoint > 0 && _sinceCheckpoint.Elapsed >= _options.CheckpointInterval))
            {
                CheckpointApplied();
            }

            return _appliedUntil;
        });
    }

    /// <summary>Checkpoints the account state and the id registry at <see cref="AppliedUntil"/>.</summary>
    /// <exception cref="LedgerUnavailableException">The checkpoint could not be written; the writer is now faulted.</exception>
    public void Checkpoint()
    {
        ThrowIfFaulted();
        _changes++;
        Guard(() =>
        {
            CheckpointApplied();
            return 0;
        });
    }

    private void CheckpointApplied()
    {
        CheckFreeSpace();
        _state.Checkpoint();
        _crash.Reach("mid-checkpoint");
        _idLog.Checkpoint(_appliedUntil, _appliedIdRecords);
        if (_appliedIdRecords - _sealed.SealingUntil >= _options.CallIdsInMemory)
        {
            SealDurableIds();
        }

        _entriesSinceCheckpoint = 0;
        _sinceCheckpoint.Restart();
        Volatile.Write(ref _checkpointedUntil, _appliedUntil);
        Volatile.Write(ref _checkpointedAtTicks, DateTime.UtcNow.Ticks);
    }

    /// <summary>The journal address the last checkpoint of this process covers, or -1 before the first (any thread; the portal's ledger page).</summary>
    public long CheckpointedUntil => Volatile.Read(ref _checkpointedUntil);

    /// <summary>When this process last checkpointed, or null (any thread).</summary>
    public DateTimeOffset? CheckpointedAt => Volatile.Read(ref _checkpointedAtTicks) is > 0 and var ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>
    /// Refuses to write when the ledger's disk is nearly full: FASTER cannot report a failed flush to its caller (it
    /// stalls), so the writer stops first, with a clear error, while everything committed is intact.
    /// </summary>
    private void CheckFreeSpace()
    {
        var free = new DriveInfo(_folder).AvailableFreeSpace;
        var needed = _options.MinimumFreeBytes + _uncommittedBytes + BlockCodec.HeaderSize;
        if (free < needed)
        {
            throw new IOException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the disk holding {_folder} is full: {free / 1_048_576.0:N1} MiB free, {needed / 1_048_576.0:N1} MiB needed (this commit and the {_options.MinimumFreeBytes / 1_048_576:N0} MiB the ledger keeps in reserve for commits and checkpoints)"));
        }
    }

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or FASTER.core.FasterException)
        {
            _fault = e;
            throw new LedgerUnavailableException(_folder, e);
        }
    }

    private void Guard(Action action) => Guard(() =>
    {
        action();
        return 0;
    });

    /// <summary>
    /// Reads the committed entries in [<paramref name="from"/>, <paramref name="until"/>) to bring the state and the
    /// registry forward: the state from <paramref name="stateFrom"/>, the registry from <paramref name="namesFrom"/> (each
    /// was checkpointed at its own position). Only memory changes here (the names are indexed, the changes summed);
    /// <see cref="ApplyReplayed"/> writes them once nothing refused the open. Returns the entries replayed.
    /// </summary>
    /// <param name="from">First journal address to read.</param>
    /// <param name="until">Address after the last committed entry.</param>
    /// <param name="stateFrom">Where the state's checkpoint stands (entries before it are in the state already).</param>
    /// <param name="namesFrom">Where the registry's checkpoint stands.</param>
    /// <param name="progress">Told the journal address reached, now and then (a rebuild of the whole state reports its progress).</param>
    internal long Replay(long from, long until, long stateFrom, long namesFrom, Action<long>? progress = null)
    {
        long count = 0;
        _journal.Scan(from, until, (journalAddress, whole) => BlockCodec.Expand(journalAddress, whole, (address, entry) =>
        {
            if (progress is not null && count % 1_000_000 == 0)
            {
                progress(EntryReference.Address(address));
            }

            // Within this callback "address" is the entry's reference; the checkpoints' positions are journal addresses.
            count++;
            var at = EntryReference.Address(address);
            var kind = entry.Length > 1 ? (JournalRecordKind)entry[1] : default;
            switch (kind)
            {
                case JournalRecordKind.RatedCdr:
                    RatedCdrCodec.Check(entry, at);
                    if (at >= namesFrom)
                    {
                        RegisterReplayed(kind, RatedCdrCodec.Id(entry), address);
                    }

                    if (at >= stateFrom)
                    {
                        var net = RatedCdrCodec.NetMills(entry);
                        AddCall(RatedCdrCodec.Account(entry), RatedCdrCodec.Period(entry),
                            RatedCdrCodec.Class(entry), RatedCdrCodec.BilledSeconds(entry), net, RatedCdrCodec.DiscountMills(entry));
                    }

                    break;
                case JournalRecordKind.Movement:
                    MovementCodec.Read(entry, at);
                    if (at >= namesFrom)
                    {
                        RegisterReplayed(kind, MovementCodec.Id(entry), address);
                    }

                    if (at >= stateFrom)
                    {
                        _pending.AddMovement(MovementCodec.Account(entry), MovementCodec.AmountMills(entry));
                    }

                    break;
                case JournalRecordKind.Batch:
                    if (at >= namesFrom)
                    {
                        RegisterReplayed(kind, BatchCodec.Key(entry), address);
                    }

                    break;
                default:
                    throw new JournalFormatException(at, $"unknown entry kind {(int)kind}");
            }
        }));

        return count;
    }

    /// <summary>
    /// Writes what <see cref="Replay"/> found: the names it registered to the id log, the balance and counter changes to
    /// the state, applied up to <paramref name="until"/>. Called once the open is known to succeed (the replay raised
    /// nothing), after the id log's uncheckpointed records are cut off.
    /// </summary>
    internal void ApplyReplayed(long until)
    {
        foreach (var (name, reference) in _replayedNames)
        {
            _idLog.Append(name, reference);
        }

        _replayedNames.Clear();
        _replayedNames.TrimExcess();
        Apply(_pending, until);
        _appliedIdRecords = _idLog.Written;
    }

    private void AddCall(ReadOnlySpan<byte> account, int period, NumberClass numberClass, long billedSeconds, long netMills, long discountMills) =>
        _pending.AddCall(account, period, numberClass == NumberClass.Domestic, billedSeconds, netMills, discountMills);

    private void Apply(PendingTotals totals, long appliedUntil)
    {
        _stateUpdates.Clear();
        totals.Drain(_stateUpdates);
        _state.AddAll(_stateUpdates);

        _state.Set(StateKey.AppliedUntil, StateValue.OfAmount(appliedUntil));
        _appliedUntil = appliedUntil;
    }

    /// <summary>Appends a whole entry (a batch or a movement) after the calls before it; returns its reference.</summary>
    private long Append(ReadOnlySpan<byte> entry)
    {
        _changes++;
        FlushBlock();
        Uncommitted++;
        _uncommittedBytes += entry.Length;
        return EntryReference.Whole(_journal.Append(entry));
    }

    private NodaTime.DateTimeZone? ZoneOf(ReadOnlySpan<byte> account)
    {
        if (_zones is not { } zones || account.Length > StateKey.MaxAccountLength)
        {
            return null;
        }

        Span<char> chars = stackalloc char[StateKey.MaxAccountLength];
        return Encoding.UTF8.TryGetChars(account, chars, out var written) && zones.TryGetValue(chars[..written], out var zone) ? zone : null;
    }

    private void AppendToBlock(ReadOnlySpan<byte> entry, NameFingerprint id, sbyte monthOffset)
    {
        if (_block.Length + BlockCodec.LengthSize + entry.Length > MaxBlockBytes || _blockNames.Count == EntryReference.MaxBlockEntries)
        {
            FlushBlock();
        }

        if (_blockNames.Count == 0)
        {
            _block.Clear();
            _block.Advance(BlockCodec.HeaderSize);
        }

        var span = _block.GetSpan(BlockCodec.LengthSize + entry.Length);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(span, entry.Length);
        entry.CopyTo(span[BlockCodec.LengthSize..]);
        span[BlockCodec.LengthSize + 3] = (byte)monthOffset; // RatedCdrCodec byte 3: the customer's month, decided here
        _block.Advance(BlockCodec.LengthSize + entry.Length);
        _blockNames.Add(id);
        Uncommitted++;
        _uncommittedBytes += BlockCodec.LengthSize + entry.Length;
    }

    /// <summary>Enqueues the open block as one journal entry and gives its calls their references.</summary>
    private void FlushBlock()
    {
        if (_blockNames.Count == 0)
        {
            return;
        }

        var block = _block.Written;
        BlockCodec.WriteHeader(block, _blockNames.Count);
        var address = _journal.Append(block);
        for (var i = 0; i < _blockNames.Count; i++)
        {
            // The id log gets the call's reference; the in-memory index keeps InOpenBlock (only its presence is ever
            // asked for a call, and a second probe per call here measured ~5% of the append path).
            _idLog.Append(_blockNames[i], EntryReference.InBlock(address, i));
        }

        _blockNames.Clear();
        _block.Clear();
    }

    private long Find(JournalRecordKind kind, ReadOnlySpan<byte> name) => Find(kind, NameHash.Of(kind, name));

    private long Find(JournalRecordKind kind, NameFingerprint name)
    {
        var found = _names.Find(name);
        if (found != -1 || kind != JournalRecordKind.RatedCdr)
        {
            return found;
        }

        found = _calls.Find(name);
        if (found == -1 && _frozen is { } frozen)
        {
            found = frozen.Find(name);
        }

        return found != -1 ? found : _sealed.Contains(name) ? Sealed : -1;
    }

    private void Register(NameFingerprint name, long reference)
    {
        (EntryReference.IsInBlock(reference) ? _calls : _names).Add(name, reference);
        _idLog.Append(name, reference);
    }

    /// <summary>
    /// Moves the CDR ids of the durable id-log records not sealed yet out of memory into a run on disk (their filter
    /// stays in memory). The run is written on another thread; meanwhile the table holding them is kept, frozen, and a
    /// second table takes the ids registered since (the records after them and the open block's). Only durable records
    /// are sealed: a crash must never leave an id sealed for a call the journal lost.
    /// </summary>
    private void SealDurableIds()
    {
        CompleteSeal();
        if (_sealed.Sealing)
        {
            return; // the disk is behind: the in-memory table holds more ids until the seal under way is adopted
        }

        var until = _appliedIdRecords;
        _frozen = _calls;
        _calls = _spareCalls is { IsCompletedSuccessfully: true } ? _spareCalls.Result : new IdIndex(_options.CallIdsInMemory);
        _spareCalls = null;
        _idLog.ReadRecords(until, _idLog.Written, (name, reference, _) =>
        {
            if (EntryReference.IsInBlock(reference))
            {
                _calls.Add(name, reference);
            }
        });
        foreach (var name in _blockNames)
        {
            _calls.Add(name, InOpenBlock);
        }

        _sealed.BeginSeal(until, _idLog);
    }

    /// <summary>
    /// Adopts a finished seal (or waits for it): the frozen table's ids are now on disk; it is emptied on another
    /// thread (24 MiB by default) and kept for the next seal.
    /// </summary>
    private void CompleteSeal(bool wait = false)
    {
        if (_sealed.CompleteSeal(wait))
        {
            var frozen = _frozen!;
            _frozen = null;
            _spareCalls = Task.Run(() =>
            {
                frozen.Clear();
                return frozen;
            });
        }
    }

    /// <summary>Run statistics of the registry, for the portal's ledger page and the tests.</summary>
    internal (long InMemory, long Sealed, int Runs, long FilterBytes) Registry =>
        (_calls.Count + (_frozen?.Count ?? 0), _sealed.Calls, _sealed.Runs, _sealed.FilterBytes);

    /// <summary>Waits for a background merge of sealed runs and swaps it in (tests).</summary>
    internal bool WaitForMerge()
    {
        CompleteSeal(wait: true);
        return _sealed.CompleteMerge(wait: true);
    }

    /// <summary>Holds or releases the combined filter's covers: sealed runs stay uncovered while held (tests).</summary>
    internal void HoldCombinedFilter(bool held) => _sealed.HoldCover(held);

    /// <summary>Waits until the combined filter covers every sealed run; its bytes, its end and the runs' (tests).</summary>
    internal (long Bytes, long Until, long SealedUntil) WaitForCombinedFilter()
    {
        _sealed.CompleteCover();
        var (bytes, until) = _sealed.Combined;
        return (bytes, until, _sealed.Until);
    }

    private void RegisterReplayed(JournalRecordKind kind, ReadOnlySpan<byte> name, long address)
    {
        // A name registered twice in the journal is damage (the writer never appends a known name): say so.
        var fingerprint = NameHash.Of(kind, name);
        var existing = Find(kind, fingerprint);
        if (existing != -1 && existing != address)
        {
            throw new JournalFormatException(address, $"{kind} '{Encoding.UTF8.GetString(name)}' is already in the journal at address {existing}");
        }

        if (existing == -1)
        {
            // Indexed now (a later entry of the replay may repeat it), written to the id log by ApplyReplayed: a replay
            // that finds damage further on refuses the open, and the id log's records must still be as they were.
            (EntryReference.IsInBlock(address) ? _calls : _names).Add(fingerprint, address);
            _replayedNames.Add((fingerprint, address));
        }
    }

    private void ThrowIfFaulted()
    {
        if (_fault is not null)
        {
            throw new InvalidOperationException("the ledger writer failed earlier and must be restarted (recovery rebuilds it from the journal)", _fault);
        }
    }

    /// <summary>A commit requested and not yet applied: where it ends, and the changes it carries.</summary>
    private sealed record CommitGroup(long Until, PendingTotals Totals, long Entries, long IdRecords);
}
