using Centrex.Invoicing.Store;

namespace Centrex.Portal.Data;

/// <summary>
/// The billing store (<c>DATA/billing.db</c>) for the portal's reads: one connection opened on first use and used under
/// a lock (a <see cref="BillingStore"/> is not for two threads at once); each read is one short query.
/// </summary>
public sealed class BillingReader(string dataDirectory) : IDisposable
{
    private readonly object _gate = new();
    private BillingStore? _store;

    /// <summary>Runs <paramref name="read"/> on the store.</summary>
    public T Read<T>(Func<BillingStore, T> read)
    {
        lock (_gate)
        {
            _store ??= BillingStore.Open(dataDirectory);
            return read(_store);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _store?.Dispose();
            _store = null;
        }
    }
}
