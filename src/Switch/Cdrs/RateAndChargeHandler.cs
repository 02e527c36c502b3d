using System.Text;
using Centrex.Ledger;
using Centrex.Ledger.Journal;
using Centrex.Ledger.State;
using Centrex.Pipeline;
using Centrex.Rating;
using Centrex.Rating.Csv;
using Centrex.Rating.Numbering;
using Centrex.Switch.Authorization;

namespace Centrex.Switch.Cdrs;

/// <summary>
/// The real-time CDR stage: stores every CDR and rates each chargeable one with the rating kernel into its journal
/// entry; at the end of each batch (the Disruptor's natural batching: whatever arrived while the last commit ran)
/// flushes the store and hands the batch's entries to the ledger's writer thread, which appends them and commits
/// them with whatever else it is writing (group commit); only then are the batch's balance holds released and the
/// batch acknowledged. An idle switch commits each CDR at once (milliseconds after the BYE); a busy one commits many
/// per disk flush.
/// A failure loses nothing and stops nothing: when the ledger cannot write (disk full, read-only, failed device) the
/// batch and every later chargeable CDR stay in the store, counted as uncharged, to be charged after the restart by id
/// (exactly once); when the store cannot write, the CDR goes to standard error in the export's CSV format. Either way
/// <see cref="ChargingHealth"/> records why, and the balance authorization refuses new chargeable calls.
/// Without a rater and ledger (a switch run with no tariff) it only stores.
/// </summary>
internal sealed class RateAndChargeHandler(Rater? rater, LedgerWriterThread? ledger, CdrStore store, CommitSignal signal, CdrSinkCounters counters,
    ChargingHealth health, ChargeAdjuster? adjust = null)
    : IEventHandler<CdrSlot>, ILifecycleAware
{
    private readonly List<CallAuthorization> _releaseAfterCommit = [];
    private readonly ByteBuffer _text = new(1024);
    private readonly ByteBuffer _entries = new(64 * 1024);
    private readonly List<int> _lengths = [];
    private bool _ledgerFailed;
    private bool _inBatch;

    public void OnEvent(ref CdrSlot data, long sequence, bool endOfBatch)
    {
        if (!_inBatch)
        {
            _inBatch = true;
            counters.Taken(data.EmittedAt); // the batch's first CDR is the oldest the stage holds until the batch commits
        }

        var cdr = data.Cdr!;
        Store(cdr);
        if (rater is not null && (cdr.IsChargeable || (cdr.IsReceived && rater.AccountRules is not null)))
        {
            Charge(rater, cdr, receivedOnly: !cdr.IsChargeable);
        }

        if (data.Authorization is { } authorization)
        {
            _releaseAfterCommit.Add(authorization);
        }

        data = default; // let the CDR go: the ring keeps slots for ever

        if (endOfBatch)
        {
            FlushStore();
            ChargeBatch();
            foreach (var hold in _releaseAfterCommit)
            {
                hold.Release();
            }

            _releaseAfterCommit.Clear();
            counters.Committed(); // before the signal: whoever waited for this commit sees no lag left
            _inBatch = false;
            signal.Commit(sequence);
        }
    }

    public void OnStart()
    {
    }

    public void OnShutdown() => signal.Stop(null);

    private void Store(SwitchCdr cdr)
    {
        try
        {
            store.Append(cdr);
            counters.AddStored();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            health.Fail("the CDR store cannot write: " + e.Message);
            counters.AddLost();
            _text.Clear();
            SwitchCdrCsv.Write(cdr, _text);
            Console.Error.Write("centrex: CDR not stored (" + e.Message + "): " + Encoding.UTF8.GetString(_text.Written));
            _text.Clear();
        }
    }

    private void FlushStore()
    {
        try
        {
            store.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            health.Fail("the CDR store cannot write: " + e.Message);
        }
    }

    /// <summary>Rates <paramref name="cdr"/> with <paramref name="rater"/> and adds its charge to the batch.</summary>
    /// <param name="rater">The tariff and the accounts' rules.</param>
    /// <param name="cdr">The call.</param>
    /// <param name="receivedOnly">
    /// A call received on one of the account's numbers: charged only if the account's rules price it (a call received
    /// on its toll-free DID with an inbound rate, seed 001: free incoming calling "with the exception of calling plans
    /// using Toll Free DID numbers"); otherwise, or when it cannot be rated, it is simply not a charge.
    /// </param>
    private void Charge(Rater rater, SwitchCdr cdr, bool receivedOnly)
    {
        _text.Clear();
        var start = cdr.Answer ?? cdr.Start; // billing starts at answer, as the export says
        // The tariff in force when the INVITE arrived, the instant the authorization and the fraud controls chose theirs
        // at: a tariff activated while the call rang or talked neither re-rates it nor leaves it unrated (issue 16).
        rater = rater.At(cdr.Start.ToUnixTimeSeconds());
        var callee = Utf8(cdr.CalleeForRating);
        var outcome = rater.Rate(_text.Written.Slice(callee.Start, callee.Length), cdr.BillableSeconds, out var call);
        if (outcome != RatingOutcome.Rated || Encoding.UTF8.GetByteCount(cdr.Account) > StateKey.MaxAccountLength)
        {
            if (!receivedOnly)
            {
                counters.AddUnrated();
            }

            return;
        }

        var id = Utf8(cdr.Id);
        var account = Utf8(cdr.Account);
        var caller = Utf8(cdr.Caller);
        var text = _text.Written;

        // The account's contract (issue 17): a call inside its local calling area is local at the area's rate, a call
        // to its own toll-free DID with an inbound rate is charged at that rate; as `rate` and the HTTP API charge them.
        // The rules in force when the call started, not when it ended (issue 14: a call keeps the settings it started with).
        rater.AccountRulesAt(cdr.Start.ToUnixTimeTicks())?.Apply(text.Slice(account.Start, account.Length), ref call);
        if (receivedOnly && call.Class != NumberClass.TollFreeInbound)
        {
            return; // free incoming calling (seed 001)
        }

        var ticks = start.ToUnixTimeTicks();
        var fields = new RatedCdrFields(
            text.Slice(id.Start, id.Length), text.Slice(account.Start, account.Length), text.Slice(caller.Start, caller.Length),
            call.Callee.Digits, start.ToUnixTimeSeconds(), (int)(((ticks % 10_000_000) + 10_000_000) % 10_000_000 * 100),
            cdr.BillableSeconds, call.BilledSeconds, call.Class,
            rater.Tariff.PrefixUtf8(call.TariffRow), rater.Tariff.DestinationUtf8(call.TariffRow), call.Charge.Value, 0);
        _lengths.Add(RatedCdrCodec.Write(fields, _entries));
    }

    /// <summary>Appends the batch's rated calls on the writer thread and waits until they are committed.</summary>
    private void ChargeBatch()
    {
        if (_lengths.Count == 0)
        {
            return;
        }

        if (_ledgerFailed)
        {
            counters.AddUncharged(_lengths.Count); // nothing to copy: the writer faults everything after a failure
            _entries.Clear();
            _lengths.Clear();
            return;
        }

        var entries = _entries.Written.ToArray();
        var lengths = _lengths.ToArray();
        _entries.Clear();
        _lengths.Clear();

        int charged;
        try
        {
            charged = Submit(entries, lengths);
        }
        catch (LedgerWorkFailedException e)
        {
            // This batch alone failed before the writer wrote any of it (not a disk fault: the ledger goes on). Its
            // CDRs are in the store, counted uncharged, for `cdr export` and `rate --data` to charge once by id.
            Console.Error.WriteLine($"centrex: {lengths.Length} switch CDRs not charged: {e.Message}");
            counters.AddUncharged(lengths.Length);
            return;
        }
        catch (Exception e) when (e is LedgerUnavailableException or IOException or InvalidOperationException)
        {
            // The writer faults everything after a failure (the process must restart and recover), so stop asking.
            _ledgerFailed = true;
            health.Fail("the ledger cannot write: " + e.Message);
            counters.AddUncharged(lengths.Length);
            return;
        }

        for (var i = 0; i < lengths.Length; i++)
        {
            if (i < charged)
            {
                counters.AddCharged();
            }
            else
            {
                counters.AddDuplicate();
            }
        }
    }

    private int Submit(byte[] entries, int[] lengths) =>
        ledger!.Submit(writer =>
        {
            var appended = 0;
            for (int i = 0, offset = 0; i < lengths.Length; offset += lengths[i], i++)
            {
                var entry = entries.AsSpan(offset, lengths[i]);
                if (adjust is not null && !writer.ContainsCdr(RatedCdrCodec.Id(entry)))
                {
                    adjust(entry);
                }

                if (writer.TryAppendEncodedCdr(entry) == CdrAppend.Appended)
                {
                    appended++;
                }
            }

            return appended;
        }).GetAwaiter().GetResult();

    private (int Start, int Length) Utf8(string value)
    {
        var start = _text.Length;
        var span = _text.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, span);
        _text.Advance(length);
        return (start, length);
    }
}
