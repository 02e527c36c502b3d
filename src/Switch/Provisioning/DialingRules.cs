namespace Centrex.Switch.Provisioning;

/// <summary>
/// How dialed numbers become E.164 (seed 004, "Dialing Rules"): disabled means users dial E.164 (an optional '+');
/// North American means 10-digit dialing, 1+10, and 011 or 00 for international; enabled rules and a custom rule are the
/// customer's own.
/// </summary>
public enum DialingRules
{
    /// <summary>Dialing rules disabled: numbers arrive in E.164 form.</summary>
    E164,

    /// <summary>"North America, 10 digit dialing".</summary>
    NorthAmerica,

    /// <summary>Dialing rules enabled: the customer's prefixes, codes and local lengths (<see cref="SwitchCustomer.DialingParameters"/>).</summary>
    Enabled,

    /// <summary>"Custom Rule": the customer's own translation rule (<see cref="SwitchCustomer.CustomRule"/>).</summary>
    Custom,
}
