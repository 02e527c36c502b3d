using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// A call as the Call Logs page and the dashboard list it. <paramref name="Direction"/>: outgoing, incoming or internal;
/// <paramref name="Disposition"/>: the switch's name (answered, busy, no-answer, cancelled, failed, refused-by-...);
/// <paramref name="AnsweredBy"/>: the line whose phone answered (a hunt group's member, a colleague who picked up), when
/// the switch recorded one.
/// </summary>
public sealed record CallRow(string Id, string Account, Instant Start, string Caller, string Callee, long Seconds, long BilledSeconds,
    string Direction, string Disposition, string? Destination, Mills? Charge, string? AnsweredBy = null);
