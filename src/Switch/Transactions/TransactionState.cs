namespace Centrex.Switch.Transactions;

/// <summary>Transaction states of RFC 3261 §17 (Figures 5–8) and RFC 6026's Accepted.</summary>
internal enum TransactionState : byte
{
    Calling,
    Trying,
    Proceeding,
    Completed,
    Confirmed,
    Accepted,
    Terminated,
}
