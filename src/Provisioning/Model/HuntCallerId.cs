namespace Centrex.Provisioning.Model;

/// <summary>
/// Seed 004 Huntgroups, "Caller ID": what members see. Persisted by name: <c>keep</c>, <c>group</c>, <c>group-name</c>.
/// </summary>
public enum HuntCallerId
{
    /// <summary>"Keep original".</summary>
    Keep,

    /// <summary>"Set to name and CLI of the huntgroup".</summary>
    Group,

    /// <summary>"Replace Caller Info with Huntgroup Name, keep Caller CLI".</summary>
    GroupName,
}
