using Centrex.Switch.Admission;
using Centrex.Switch.Cdrs;
using NodaTime;

namespace Centrex.Switch.Tests.Support;

/// <summary>Builds switch CDRs for tests.</summary>
internal static class Cdr
{
    public static readonly Instant Noon = Instant.FromUtc(2026, 10, 1, 12, 0);

    public static SwitchCdr Answered(string id, string account, string callee, int seconds, Instant? start = null, CallDirection direction = CallDirection.Outgoing, bool forwarded = false)
    {
        var begin = start ?? Noon;
        var answer = begin + Duration.FromSeconds(5);
        return new SwitchCdr(id, account, "4165550100", callee, string.Empty, begin, answer, answer + Duration.FromSeconds(seconds), seconds,
            CallDisposition.Answered, id + "@switch", "PCMU", "HQ", direction, forwarded);
    }

    public static SwitchCdr Failed(string id, string account, CallDisposition disposition, Instant? start = null) =>
        new(id, account, "4165550100", "2125551234", "12125551234", start ?? Noon, null, (start ?? Noon) + Duration.FromSeconds(3), 0,
            disposition, id + "@switch", string.Empty, "HQ", CallDirection.Outgoing, false);
}
