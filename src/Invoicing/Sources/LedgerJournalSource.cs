using System.Text;
using Centrex.Ledger;
using Centrex.Ledger.Journal;
using Centrex.Rating.Cdrs;
using NodaTime;

namespace Centrex.Invoicing.Sources;

/// <summary>
/// The rated calls of the durable journal in <c>DATA/ledger</c>, the one <c>centrex rate --data</c> appends every rated
/// CDR to: what was charged to the balances is exactly what is invoiced and reported. Only committed entries are read;
/// payments and batch records in the journal are skipped. The start time and account are checked on the encoded bytes,
/// so only the calls asked for are decoded.
/// </summary>
/// <param name="ledger">An open ledger; the caller owns it.</param>
public sealed class LedgerJournalSource(LedgerStore ledger) : IRatedCdrSource
{
    private long _scanned;

    /// <summary>How far the current read is through the journal, in bytes (for progress bars). Any thread.</summary>
    public (long Done, long Total) Position => (Math.Max(0, Interlocked.Read(ref _scanned) - ledger.JournalBegin), Math.Max(1, ledger.CommittedUntil - ledger.JournalBegin));

    /// <inheritdoc />
    public void Read(Instant fromInclusive, Instant toExclusive, IReadOnlySet<string>? accounts, Action<RatedCdr> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);

        // Accounts, callers, prefixes and destinations repeat across a month of calls: one string each, shared by every
        // call, keeps a billing run's million calls in about half the memory (the ids and callees are unique).
        var pool = new StringPool();
        ReadEncoded(fromInclusive, toExclusive, accounts, (address, entry) =>
        {
            var call = RatedCdrCodec.Read(entry, address);
            visit(call with
            {
                Account = pool.Get(call.Account),
                Caller = pool.Get(call.Caller),
                Prefix = pool.Get(call.Prefix),
                Destination = pool.Get(call.Destination),
            });
        });
    }

    /// <summary>
    /// The same calls as <see cref="Read"/>, still encoded (<see cref="RatedCdrCodec"/>): a CSV report copies their bytes
    /// straight to the file without building a record and six strings per call.
    /// </summary>
    public void ReadEncoded(Instant fromInclusive, Instant toExclusive, IReadOnlySet<string>? accounts, EntryVisitor visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var wanted = accounts is null ? null : new HashSet<string>(accounts, StringComparer.Ordinal);
        var lookup = wanted?.GetAlternateLookup<ReadOnlySpan<char>>();
        var from = (fromInclusive.ToUnixTimeSeconds(), (int)(fromInclusive.ToUnixTimeTicks() % NodaConstants.TicksPerSecond * 100));
        var to = (toExclusive.ToUnixTimeSeconds(), (int)(toExclusive.ToUnixTimeTicks() % NodaConstants.TicksPerSecond * 100));

        // The last account seen, in a buffer reused for the whole scan: a month's journal interleaves thousands of
        // accounts, so a copy per change was an allocation per call skipped (41 MB for 2 M calls, bench/README.md).
        var lastAccount = new byte[256];
        var lastAccountLength = -1;
        var lastWanted = false;
        ledger.ScanJournal(ledger.JournalBegin, (address, entry) =>
        {
            Volatile.Write(ref _scanned, address);
            if (entry.Length < 2 || entry[1] != (byte)JournalRecordKind.RatedCdr)
            {
                return;
            }

            RatedCdrCodec.Check(entry, address);

            // The start compared as (seconds, nanoseconds) on the encoded bytes: exact, and nothing is decoded.
            var start = (RatedCdrCodec.StartUnixSeconds(entry), RatedCdrCodec.StartNanoseconds(entry));
            if (start.CompareTo(from) < 0 || start.CompareTo(to) >= 0)
            {
                return;
            }

            if (lookup is { } set)
            {
                // A customer's calls come in runs of the same account: the last answer is reused for the same bytes.
                var account = RatedCdrCodec.Account(entry);
                if (lastAccountLength < 0 || !account.SequenceEqual(lastAccount.AsSpan(0, lastAccountLength)))
                {
                    // Longer accounts are never wanted (no provisioned id is that long) and are not remembered.
                    lastWanted = account.Length <= lastAccount.Length && set.Contains(Chars(account, stackalloc char[256]));
                    lastAccountLength = account.Length <= lastAccount.Length ? account.Length : -1;
                    if (lastAccountLength >= 0)
                    {
                        account.CopyTo(lastAccount);
                    }
                }

                if (!lastWanted)
                {
                    return;
                }
            }

            visit(address, entry);
        });
    }

    private static ReadOnlySpan<char> Chars(ReadOnlySpan<byte> utf8, Span<char> buffer) => buffer[..Encoding.UTF8.GetChars(utf8, buffer)];
}
