namespace Centrex.Switch.Provisioning;

/// <summary>
/// Seed 004, Identity page, "Hide CLI": whether a line's outgoing calls show its number. <see cref="Never"/>: privacy is
/// not permitted (the number is always shown, whatever the phone or the dialed number asks); <see cref="Always"/>: every
/// call is private; <see cref="Automatic"/>: the call decides (the hide or show prefix dialed, an <c>h</c> suffix, or the
/// phone's own <c>Privacy</c> header).
/// </summary>
public enum HideCli
{
    /// <summary>"Always show CLI. Privacy service is not permitted."</summary>
    Never,

    /// <summary>"Always hide CLI. Privacy service is permitted and in effect (all calls are private)."</summary>
    Always,

    /// <summary>"It depends on the prefix number dialed and the privacy headers provided by an IP phone device."</summary>
    Automatic,
}
