namespace Centrex.Api;

/// <summary>
/// Bytes of request bodies that may be held in memory at once, across every request (issue 13, item 5: forty
/// concurrent 7.5 MB batches grew the process to 2.2 GB). A request reserves its body's size before reading it (as it
/// reads, when no Content-Length was sent) and gives it back when answered; past the budget it is answered
/// <c>503</c> with <c>Retry-After</c> and nothing is read. Parsing and rating a batch take about twice its body again,
/// so the memory requests can hold is about three times the budget.
/// </summary>
internal sealed class RequestBodyBudget(long capacity)
{
    private long _reserved;

    /// <summary>The budget.</summary>
    public long Capacity { get; } = capacity;

    /// <summary>Bytes reserved now.</summary>
    public long Reserved => Interlocked.Read(ref _reserved);

    /// <summary>Reserves <paramref name="bytes"/>; false (nothing reserved) when that would pass the budget.</summary>
    public bool TryReserve(long bytes)
    {
        while (true)
        {
            var current = Interlocked.Read(ref _reserved);
            if (current + bytes > Capacity)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _reserved, current + bytes, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>Gives back bytes reserved earlier.</summary>
    public void Release(long bytes) => Interlocked.Add(ref _reserved, -bytes);
}
