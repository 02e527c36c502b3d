using System.Collections.Frozen;
using NodaTime;

namespace Centrex.Switch.Cdrs;

/// <summary>
/// When each line last connected a call, rebuilt from the CDR store at start so least-used hunting (seed 004: "sorts
/// the phone lines ... beginning with their last usage") survives a restart without a store of its own: the CDRs are
/// already durable, and the call-control thread never writes anything for it. A line connected a call when its phone
/// answered one (<see cref="SwitchCdr.AnsweredBy"/>: a group's member, a colleague's pickup, the line called) or when it
/// placed an outgoing call that was answered (<see cref="SwitchCdr.Account"/> of an answered outgoing CDR). The time
/// is the answer time, as the running switch notes it.
/// </summary>
public static class HuntUsageHistory
{
    /// <summary>
    /// How far back the store is read: a line last used before that counts as never used, which still rings it before
    /// every line used since (only the order among such lines falls back to the listed order), and keeps the start of a
    /// switch with years of CDRs to a month of them.
    /// </summary>
    public static readonly Duration Lookback = Duration.FromDays(31);

    /// <summary>
    /// Each line's last connected call in the store's last <see cref="Lookback"/> before <paramref name="now"/>, as Unix
    /// ticks (the unit <see cref="CallFlows.IHuntUsage.LastUsed"/> gives); damaged lines are skipped, as every reader
    /// of the store skips them.
    /// </summary>
    public static FrozenDictionary<string, long> Load(string dataDirectory, Instant now) => Load(dataDirectory, now, MaxRows);

    /// <summary>
    /// At most this many CDRs are read, newest day first: the switch does not listen until the history is loaded, and a
    /// carrier's month can be hundreds of millions of calls. The newest calls name the lines used last, so stopping early
    /// only forgets lines last used before the cut-off (they count as never used, as lines past the lookback do).
    /// </summary>
    public const long MaxRows = 2_000_000;

    /// <summary><see cref="Load(string, Instant)"/> with the row budget given (tests).</summary>
    public static FrozenDictionary<string, long> Load(string dataDirectory, Instant now, long maxRows)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        var oldest = now - Lookback;
        long rows = 0;
        for (var day = (now + Duration.FromDays(1)).InUtc().Date; rows < maxRows; day = day.PlusDays(-1))
        {
            var dayStart = day.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
            var from = dayStart < oldest ? oldest : dayStart;
            foreach (var cdr in CdrStore.Read(dataDirectory, from, dayStart + Duration.FromDays(1)))
            {
                rows++;
                if (cdr.Disposition != CallDisposition.Answered || cdr.Answer is not { } answer)
                {
                    continue;
                }

                var ticks = answer.ToUnixTimeTicks();
                Note(last, cdr.AnsweredBy, ticks);
                if (cdr.Direction == Admission.CallDirection.Outgoing && !cdr.Forwarded)
                {
                    Note(last, cdr.Account, ticks); // it placed the call (a forwarded call's account only paid for it)
                }
            }

            if (dayStart <= oldest)
            {
                break;
            }
        }

        return last.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Note(Dictionary<string, long> last, string line, long ticks)
    {
        if (line.Length > 0 && (!last.TryGetValue(line, out var known) || known < ticks))
        {
            last[line] = ticks;
        }
    }
}
