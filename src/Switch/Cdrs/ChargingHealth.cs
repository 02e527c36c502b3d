namespace Centrex.Switch.Cdrs;

/// <summary>
/// Whether the real-time sink can still keep and charge what the switch emits: the first failure of the CDR store or
/// of the ledger is kept (set on the sink's thread, read by the balance authorization on the B2BUA's), and from then
/// on chargeable calls are refused rather than connected for free.
/// </summary>
public sealed class ChargingHealth
{
    private string? _fault;

    /// <summary>Why charging stopped, or null while it works.</summary>
    public string? Fault => Volatile.Read(ref _fault);

    /// <summary>Records the first failure and says so once on standard error, where the operator's service log is.</summary>
    internal void Fail(string reason)
    {
        if (Interlocked.CompareExchange(ref _fault, reason, null) is null)
        {
            Console.Error.WriteLine($"centrex: charging stopped: {reason}; chargeable calls are refused (503) until a restart recovers the ledger");
        }
    }
}
