namespace Centrex.Switch.Calls;

/// <summary>Which way a call goes relative to the customer's accounts.</summary>
public enum CallDirection
{
    /// <summary>From an account out through a trunk.</summary>
    Outgoing,

    /// <summary>From a trunk to an account's DID.</summary>
    Incoming,

    /// <summary>From one account to another (extension, abbreviated number or on-net DID).</summary>
    Internal,
}
