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
        var wanted = accounts is null ? null : new HashSet<string>(accounts, StringComparer.Ordinal);
        var lookup = wanted?.GetAlternateLookup<ReadOnlySpan<char>>();

        // A call starting in the last second before the range may still be in it by its nanoseconds: the coarse check on
        // whole seconds keeps it, the exact check after decoding decides.
        var firstSecond = fromInclusive.ToUnixTimeSeconds() - 1;
        var endSecond = toExclusive.ToUnixTimeSeconds() + 1;
        ledger.ScanJournal(ledger.JournalBegin, (address, entry) =>
        {
            Volatile.Write(ref _scanned, address);
            if (entry.Length < 2 || entry[1] != (byte)JournalRecordKind.RatedCdr)
            {
                return;
            }

            RatedCdrCodec.Check(entry, address);
            var second = RatedCdrCodec.StartUnixSeconds(entry);
            if (second < firstSecond || second > endSecond)
            {
                return;
            }

            if (lookup is { } set)
            {
                var account = RatedCdrCodec.Account(entry);
                if (account.Length > 256 || !set.Contains(Chars(account, stackalloc char[256])))
                {
                    return;
                }
            }

            var call = RatedCdrCodec.Read(entry, address);
            if (call.Start >= fromInclusive && call.Start < toExclusive)
            {
                visit(call);
            }
        });
    }

    private static ReadOnlySpan<char> Chars(ReadOnlySpan<byte> utf8, Span<char> buffer) => buffer[..Encoding.UTF8.GetChars(utf8, buffer)];
}
