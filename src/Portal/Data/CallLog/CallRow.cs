using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Portal.Data.CallLog;

/// <summary>A call as the Call Logs page and the dashboard list it.</summary>
public sealed record CallRow(string Id, string Account, Instant Start, string Caller, string Callee, long Seconds, long BilledSeconds,
    string Direction, string Disposition, string? Destination, Mills? Charge);
