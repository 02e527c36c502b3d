namespace Centrex.Provisioning.Access;

/// <summary>What a portal login may see (issue 16). Persisted by name: <c>operator</c>, <c>customer</c>.</summary>
public enum UserRole
{
    /// <summary>The carrier: every customer, provisioning, tariffs, billing runs.</summary>
    Operator,

    /// <summary>One IP Centrex environment: its own data only.</summary>
    Customer,
}
