namespace Centrex.Provisioning.Model;

/// <summary>
/// What the forwarded call shows (seed 004, Follow-Me, "Calling Party Display"). Persisted by name: <c>caller</c>,
/// <c>caller-number-forwarder-name</c>, <c>forwarder</c>.
/// </summary>
public enum CallerDisplay
{
    /// <summary>"Caller Number and Name".</summary>
    Caller,

    /// <summary>"Caller Number and Forwarder Name".</summary>
    CallerNumberForwarderName,

    /// <summary>"Forwarder Number and Name".</summary>
    Forwarder,
}
