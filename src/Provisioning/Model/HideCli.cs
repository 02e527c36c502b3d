namespace Centrex.Provisioning.Model;

/// <summary>Seed 004 Identity, "Hide CLI": whether a line's outgoing calls show its number. JSON <c>hide_cli</c>.</summary>
public enum HideCli
{
    /// <summary><c>never</c>: "Always show CLI. Privacy service is not permitted."</summary>
    Never,

    /// <summary><c>always</c>: "Always hide CLI ... (all calls are private)."</summary>
    Always,

    /// <summary><c>automatic</c> (default): the prefix dialed, an <c>h</c> suffix, or the phone's Privacy header decides.</summary>
    Automatic,
}
