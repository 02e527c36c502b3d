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
    private readonly CdrJournal _journal;
    private readonly FasterTable<StateKey> _state;
    private readonly FasterTable<IdKey> _names;
    private readonly LedgerOptions _options;
    private readonly CrashPoints _crash;
    private readonly PendingTotals _pending = new();
    private readonly ByteBuffer _scratch = new(4096);

    // Entries appended since the last commit, by address: the journal cannot read them back until they are durable,
    // and a repeat of a name in the same batch must still be caught.
    private readonly ByteBuffer _uncommittedBytes = new(1 << 16);
    private readonly Dictionary<long, (int Start, int Length)> _uncommitted = [];
    private readonly Stopwatch _sinceCheckpoint = Stopwatch.StartNew();
    private long _entriesSinceCheckpoint;
    private Exception? _fault;

    private readonly string _folder;

    internal LedgerWriter(string folder, CdrJournal journal, FasterTable<StateKey> state, FasterTable<IdKey> names, LedgerOptions options)
    {
        _folder = folder;
        _journal = journal;
        _state = state;
        _names = names;
        _options = options;
        _crash = new CrashPoints(options.CrashAt);
    }

    /// <summary>Entries appended since the last commit.</summary>
    public int Uncommitted { get; private set; }

    /// <summary>Bytes of entries appended since the last commit.</summary>
    public long UncommittedBytes => _uncommittedBytes.Length;

    /// <summary>The journal address of the rated call that holds <paramref name="id"/>, or -1 when none does.</summary>
    public long FindCdr(ReadOnlySpan<byte> id) => Find(JournalRecordKind.RatedCdr, id, out _);

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

        var id = RatedCdrCodec.Id(entry);
        if (Find(JournalRecordKind.RatedCdr, id, out var probe) >= 0)
        {
            return CdrAppend.Duplicate;
        }

        var address = Append(entry);
        Register(JournalRecordKind.RatedCdr, id, probe, address);
        var net = RatedCdrCodec.NetMills(entry);
        AddCall(account, UtcPeriod.FromUnixSeconds(RatedCdrCodec.StartUnixSeconds(entry)), RatedCdrCodec.Class(entry),
            RatedCdrCodec.BilledSeconds(entry), net, RatedCdrCodec.DiscountMills(entry));
        return CdrAppend.Appended;
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

        if (Find(JournalRecordKind.Movement, id, out var probe) >= 0)
        {
            return false;
        }

        _scratch.Clear();
        MovementCodec.Write(movement, _scratch);
        Register(JournalRecordKind.Movement, id, probe, Append(_scratch.Written));
        _pending.AddMovement(account, movement.Amount.Value);
        return true;
    }

    /// <summary>The batch accepted earlier under <paramref name="key"/>, or null.</summary>
    public AcceptedBatch? FindBatch(string key)
    {
        var address = Find(JournalRecordKind.Batch, Encoding.UTF8.GetBytes(key), out _);
        return address < 0 ? null : BatchCodec.Read(ReadEntry(address), address);
    }

    /// <summary>Records an accepted batch (after its calls), so a retry with its key gets the same answer.</summary>
    /// <exception cref="InvalidOperationException">A batch with this key was recorded before.</exception>
    public void AppendBatch(AcceptedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ThrowIfFaulted();
        var key = Encoding.UTF8.GetBytes(batch.Key);
        if (Find(JournalRecordKind.Batch, key, out var probe) >= 0)
        {
            throw new InvalidOperationException($"a batch with idempotency key '{batch.Key}' was already recorded");
        }

        _scratch.Clear();
        BatchCodec.Write(batch, _scratch);
        Register(JournalRecordKind.Batch, key, probe, Append(_scratch.Written));
    }

    /// <summary>
    /// Makes everything appended so far durable, then applies its balance and counter changes; checkpoints the state
    /// when one is due. Acknowledge appended entries only after this returns.
    /// </summary>
    /// <exception cref="LedgerUnavailableException">The journal or state could not be written; the writer is now faulted.</exception>
    public void Commit()
    {
        ThrowIfFaulted();
        if (Uncommitted == 0)
        {
            return;
        }

        try
        {
            _crash.Reach("before-commit");
            _journal.Commit();
            _crash.Reach("after-commit");
            ApplyPending(_journal.CommittedUntil);
            _entriesSinceCheckpoint += Uncommitted;
            Uncommitted = 0;
            _uncommitted.Clear();
            _uncommittedBytes.Clear();
            if (_entriesSinceCheckpoint >= _options.CheckpointEveryEntries
                || (_entriesSinceCheckpoint > 0 && _sinceCheckpoint.Elapsed >= _options.CheckpointInterval))
            {
                Checkpoint();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or FASTER.core.FasterException)
        {
            _fault = e;
            throw new LedgerUnavailableException(_folder, e);
        }
    }

    /// <summary>Checkpoints the account state and the registry, at the committed journal position.</summary>
    public void Checkpoint()
    {
        ThrowIfFaulted();
        if (Uncommitted != 0)
        {
            throw new InvalidOperationException("commit before checkpointing: the state must not run ahead of the committed journal");
        }

        _state.Checkpoint();
        _crash.Reach("mid-checkpoint");
        _names.Checkpoint();
        _entriesSinceCheckpoint = 0;
        _sinceCheckpoint.Restart();
    }

    /// <summary>
    /// Brings the state and the registry forward over the committed entries in [<paramref name="from"/>,
    /// <paramref name="until"/>): the state from <paramref name="stateFrom"/>, the registry from <paramref name="namesFrom"/>
    /// (each was checkpointed at its own position). Returns the entries replayed.
    /// </summary>
    internal long Replay(long from, long until, long stateFrom, long namesFrom)
    {
        long count = 0;
        _journal.Scan(from, until, (address, entry) =>
        {
            count++;
            var kind = entry.Length > 1 ? (JournalRecordKind)entry[1] : default;
            switch (kind)
            {
                case JournalRecordKind.RatedCdr:
                    RatedCdrCodec.Check(entry, address);
                    if (address >= namesFrom)
                    {
                        RegisterReplayed(kind, RatedCdrCodec.Id(entry), address);
                    }

                    if (address >= stateFrom)
                    {
                        var net = RatedCdrCodec.NetMills(entry);
                        AddCall(RatedCdrCodec.Account(entry), UtcPeriod.FromUnixSeconds(RatedCdrCodec.StartUnixSeconds(entry)),
                            RatedCdrCodec.Class(entry), RatedCdrCodec.BilledSeconds(entry), net, RatedCdrCodec.DiscountMills(entry));
                    }

                    break;
                case JournalRecordKind.Movement:
                    MovementCodec.Read(entry, address);
                    if (address >= namesFrom)
                    {
                        RegisterReplayed(kind, MovementCodec.Id(entry), address);
                    }

                    if (address >= stateFrom)
                    {
                        _pending.AddMovement(MovementCodec.Account(entry), MovementCodec.AmountMills(entry));
                    }

                    break;
                case JournalRecordKind.Batch:
                    if (address >= namesFrom)
                    {
                        RegisterReplayed(kind, BatchCodec.Key(entry), address);
                    }

                    break;
                default:
                    throw new JournalFormatException(address, $"unknown entry kind {(int)kind}");
            }
        });

        ApplyPending(until);
        return count;
    }

    private void AddCall(ReadOnlySpan<byte> account, int period, NumberClass numberClass, long billedSeconds, long netMills, long discountMills) =>
        _pending.AddCall(account, period, numberClass == NumberClass.Domestic, billedSeconds, netMills, discountMills);

    private void ApplyPending(long appliedUntil)
    {
        foreach (var (key, delta) in _pending.Drain())
        {
            _state.Add(key, delta);
        }

        _state.Set(StateKey.AppliedUntil, appliedUntil);
        _names.Set(IdKey.AppliedUntil, appliedUntil);
    }

    private long Append(ReadOnlySpan<byte> entry)
    {
        Uncommitted++;
        var address = _journal.Append(entry);
        _uncommitted[address] = (_uncommittedBytes.Length, entry.Length);
        entry.CopyTo(_uncommittedBytes.GetSpan(entry.Length));
        _uncommittedBytes.Advance(entry.Length);
        return address;
    }

    /// <summary>An entry's bytes, from the uncommitted ones kept here or from the journal.</summary>
    private ReadOnlySpan<byte> ReadEntry(long address) =>
        _uncommitted.TryGetValue(address, out var at) ? _uncommittedBytes.Written.Slice(at.Start, at.Length) : _journal.Read(address);

    /// <summary>
    /// The address of the entry of <paramref name="kind"/> named <paramref name="name"/>, or -1; <paramref name="freeProbe"/>
    /// is where to register it. Equal hashes are confirmed against the entry's own bytes, so the answer is exact.
    /// </summary>
    private long Find(JournalRecordKind kind, ReadOnlySpan<byte> name, out long freeProbe)
    {
        for (long probe = 0; ; probe++)
        {
            if (!_names.TryGet(NameHash.KeyOf(kind, name, probe), out var address))
            {
                freeProbe = probe;
                return -1;
            }

            var entry = ReadEntry(address);
            if (entry.Length > 1 && entry[1] == (byte)kind && NameOf(kind, entry).SequenceEqual(name))
            {
                freeProbe = -1;
                return address;
            }
        }
    }

    private void Register(JournalRecordKind kind, ReadOnlySpan<byte> name, long probe, long address) =>
        _names.Set(NameHash.KeyOf(kind, name, probe), address);

    private void RegisterReplayed(JournalRecordKind kind, ReadOnlySpan<byte> name, long address)
    {
        // A name registered twice in the journal is damage (the writer never appends a known name): say so.
        if (Find(kind, name, out var probe) is var existing and >= 0 && existing != address)
        {
            throw new JournalFormatException(address, $"{kind} '{Encoding.UTF8.GetString(name)}' is already in the journal at address {existing}");
        }

        if (probe >= 0)
        {
            Register(kind, name, probe, address);
        }
    }

    private static ReadOnlySpan<byte> NameOf(JournalRecordKind kind, ReadOnlySpan<byte> entry) => kind switch
    {
        JournalRecordKind.RatedCdr => RatedCdrCodec.Id(entry),
        JournalRecordKind.Movement => MovementCodec.Id(entry),
        _ => BatchCodec.Key(entry),
    };

    private void ThrowIfFaulted()
    {
        if (_fault is not null)
        {
            throw new InvalidOperationException("the ledger writer failed earlier and must be restarted (recovery rebuilds it from the journal)", _fault);
        }
    }
}
