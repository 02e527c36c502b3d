using Centrex.Switch.Authorization;

namespace Centrex.Switch.Cdrs;

/// <summary>
/// Where the B2BUA hands every finished call attempt, from any thread. The sink stores it, and rates and charges a
/// chargeable one in real time; the call's balance hold is released only once its charge is committed.
/// </summary>
public interface ICdrSink
{
    /// <summary>Queues a CDR; returns at once with a ticket for <see cref="WaitForCommit"/>.</summary>
    /// <param name="cdr">The call attempt.</param>
    /// <param name="authorization">The call's balance authorization, released after the charge is committed (or at
    /// once when nothing is charged); <see langword="null"/> when there is none.</param>
    long Emit(SwitchCdr cdr, CallAuthorization? authorization = null);

    /// <summary>Blocks until the CDR with <paramref name="ticket"/> is stored and its charge committed to the ledger.</summary>
    /// <exception cref="OperationCanceledException">Cancelled first.</exception>
    /// <exception cref="InvalidOperationException">The sink failed (the ledger is unavailable) before committing it.</exception>
    void WaitForCommit(long ticket, CancellationToken cancellation);
}
