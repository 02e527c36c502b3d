namespace Centrex.Provisioning.Model;

/// <summary>
/// How a line forwards its calls (seed 004, Phone Lines: "Follow-Me, Advanced Forwarding, Forward to SIP URI and Simple
/// Forwarding"). Persisted by name: <c>off</c>, <c>simple</c>, <c>follow-me</c>, <c>advanced</c>.
/// </summary>
public enum ForwardingMode
{
    /// <summary>Calls ring the line only (the numbers are kept for when forwarding is turned on again).</summary>
    Off,

    /// <summary>Every call goes to one number ("Simple Forwarding: ... a single phone number to which all calls will be sent").</summary>
    Simple,

    /// <summary>Calls ring the numbers in turn, each in its own time periods ("Follow-Me Forwarding Mode").</summary>
    FollowMe,

    /// <summary>Follow-me whose numbers may also be SIP URIs ("Advanced Forwarding Mode ... route calls to SIP URI").</summary>
    Advanced,
}
