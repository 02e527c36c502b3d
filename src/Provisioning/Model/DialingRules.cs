namespace Centrex.Provisioning.Model;

/// <summary>
/// How a customer's users dial (seed 004, "Dialing Rules"). Persisted by name: <c>e164</c>, <c>north-america</c>,
/// <c>enabled</c>, <c>custom</c>.
/// </summary>
public enum DialingRules
{
    /// <summary>Dialing rules disabled: users dial E.164, with an optional '+'.</summary>
    E164,

    /// <summary>"North America, 10 digit dialing": 10 digits, 1+10, 011 or 00 for international.</summary>
    NorthAmerica,

    /// <summary>Dialing rules enabled: the customer's outside and international prefixes, country and area codes and local lengths (<see cref="DialingParameters"/>).</summary>
    Enabled,

    /// <summary>"Custom Rule": the customer's own translation rule (<see cref="DialingParameters.CustomRule"/>).</summary>
    Custom,
}
