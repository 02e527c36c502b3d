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
    public static FrozenDictionary<string, long> Load(string dataDirectory, Instant now)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var cdr in CdrStore.Read(dataDirectory, now - Lookback, now + Duration.FromDays(1)))
        {
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
