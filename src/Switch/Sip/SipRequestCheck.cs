namespace Centrex.Switch.Sip;

/// <summary>The verdict of <see cref="SipRequestChecks"/>: 0 when the request may go on, else the status and reason to answer.</summary>
internal readonly record struct SipRequestCheck(int Status, string Reason)
{
    public static SipRequestCheck Pass => default;

    public bool Passed => Status == 0;
}
