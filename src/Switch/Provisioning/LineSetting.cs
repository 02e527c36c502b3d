namespace Centrex.Switch.Provisioning;

/// <summary>A line setting a phone changes by star code (seed 001: "These can both be activated through star (*) codes").</summary>
public enum LineSetting
{
    /// <summary>Do not disturb.</summary>
    DoNotDisturb,

    /// <summary>Anonymous call rejection.</summary>
    AnonymousRejection,
}
