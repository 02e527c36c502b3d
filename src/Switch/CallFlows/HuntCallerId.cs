namespace Centrex.Switch.CallFlows;

/// <summary>Seed 004 Huntgroups, "Caller ID": what a member's phone shows.</summary>
public enum HuntCallerId : byte
{
    /// <summary>"Keep original": the caller's name and number.</summary>
    Keep,

    /// <summary>"Set to name and CLI of the huntgroup".</summary>
    Group,

    /// <summary>"Replace Caller Info with Huntgroup Name, keep Caller CLI".</summary>
    GroupName,
}
