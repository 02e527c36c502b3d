using System.Globalization;

namespace Centrex.Switch.Cdrs;

/// <summary>
/// The namespace of the CDR ids the switch generates: <c>sw:RUN-P.N</c>, RUN a UUID v7 per switch start, P.N the
/// call-control partition and its call number. The ledger charges an id once, so whoever writes an id first owns it: the ingestion API refuses
/// ids in this namespace (issue 13, item 5), so no client can post a 0-second call under the id a real call of the
/// switch will carry and make that call a free duplicate. <c>centrex rate</c>, the operator's own tool, may write them:
/// re-rating a <c>cdr export</c> must find the switch's ids charged already.
/// </summary>
public static class SwitchCdrIds
{
    /// <summary>What every switch CDR id starts with.</summary>
    public const string Prefix = "sw:";

    /// <summary>
    /// The prefix of every CDR id of one switch run, sorting by start time (UUID v7): a restarted switch numbers calls
    /// from 1 again, and its ids must still never repeat an earlier run's.
    /// </summary>
    public static string NewRun() => Prefix + Guid.CreateVersion7().ToString("N", CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="id"/> (UTF-8) is in the switch's namespace, in any letter case.</summary>
    public static bool IsReserved(ReadOnlySpan<byte> id) =>
        id.Length >= Prefix.Length && (id[0] | 0x20) == 's' && (id[1] | 0x20) == 'w' && id[2] == ':';
}
