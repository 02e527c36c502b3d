namespace Centrex.Portal.Data;

/// <summary>
/// What the running switch tells the portal (issue 16: a line's status "registered or not", the operator's
/// registrations and active calls per site). <c>serve</c> gives one when the switch runs; without a switch the pages
/// say so.
/// </summary>
public interface ISwitchState
{
    /// <summary>The accounts with a live registration now.</summary>
    IReadOnlySet<string> Registered();

    /// <summary>Calls in progress.</summary>
    int ActiveCalls { get; }

    /// <summary>Calls in progress on a site (by provisioning's site id; <c>default</c> for the Default site).</summary>
    int CallsOn(string siteId);
}
