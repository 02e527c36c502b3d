namespace Centrex.Switch.Authorization;

/// <summary>A refused call: the SIP status to answer with and a reason phrase that says why.</summary>
/// <param name="Failure">What failed.</param>
/// <param name="Reason">Human-readable reason (for the reason phrase or a Warning header, and the CDR log).</param>
public readonly record struct AuthorizationRefusal(AuthorizationFailure Failure, string Reason)
{
    /// <summary>The SIP response status for the refusal.</summary>
    public int SipStatus => Failure switch
    {
        AuthorizationFailure.InsufficientFunds => 402,
        AuthorizationFailure.NoRate => 403,
        AuthorizationFailure.BadNumber => 484,
        _ => 200,
    };
}
