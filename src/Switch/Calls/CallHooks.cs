namespace Centrex.Switch.Calls;

/// <summary>
/// The call-control side modules the B2BUA consults: admission, balance, media and CDRs. <see cref="PassThrough"/>
/// admits everything, allows every call without limit, leaves SDP untouched and drops CDRs, so the switch works alone.
/// </summary>
/// <param name="Admission">Site admission control.</param>
/// <param name="Balance">Balance authorization.</param>
/// <param name="Media">The media core.</param>
/// <param name="Cdrs">Where finished calls go.</param>
public sealed record CallHooks(ICallAdmission Admission, IBalanceAuthorization Balance, IMediaCore Media, ICdrSink Cdrs)
{
    /// <summary>Hooks that let every call through and record nothing.</summary>
    public static CallHooks PassThrough { get; } = new(PassThroughHooks.Instance, PassThroughHooks.Instance, PassThroughHooks.Instance, PassThroughHooks.Instance);
}
