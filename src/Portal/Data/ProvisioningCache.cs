using Centrex.Provisioning.Store;
using Microsoft.Data.Sqlite;

namespace Centrex.Portal.Data;

/// <summary>
/// The provisioning store as the pages read it: an <see cref="ProvisioningIndex"/> kept in memory and rebuilt when the
/// store changes. Whether it changed is SQLite's <c>PRAGMA data_version</c> (it moves when another connection commits:
/// an import from the command line, the portal's own writes), asked at most every 250 ms; pages in the meantime read
/// the index they have, which is consistent (one snapshot), at most that old.
/// </summary>
public sealed class ProvisioningCache : IDisposable
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMilliseconds(250);
    private readonly string _dataDirectory;
    private readonly SqliteConnection _probe;
    private readonly object _gate = new();
    private ProvisioningIndex _current;
    private long _checkedAt;

    public ProvisioningCache(string dataDirectory)
    {
        _dataDirectory = dataDirectory;
        using (ProvisioningStore.Open(dataDirectory))
        {
            // Creates or upgrades the store before the probe reads it.
        }

        _probe = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, ProvisioningStore.FileName),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        _probe.Open();
        _current = Load();
    }

    /// <summary>The index as of the last change seen (checked first when the last check is over 250 ms old).</summary>
    public ProvisioningIndex Current
    {
        get
        {
            var now = Environment.TickCount64;
            if (now - Volatile.Read(ref _checkedAt) >= CheckEvery.TotalMilliseconds)
            {
                Refresh(force: false);
            }

            return Volatile.Read(ref _current);
        }
    }

    /// <summary>Reads the store again now if it changed (or always, with <paramref name="force"/>: after the portal's own write).</summary>
    public ProvisioningIndex Refresh(bool force)
    {
        lock (_gate)
        {
            Volatile.Write(ref _checkedAt, Environment.TickCount64);
            if (force || DataVersion() != _current.Version)
            {
                Volatile.Write(ref _current, Load());
            }

            return _current;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _probe.Dispose();

    private ProvisioningIndex Load()
    {
        // The version is read before the data: a change committed between the two is seen again at the next check.
        var version = DataVersion();
        using var store = ProvisioningStore.Open(_dataDirectory);
        return new ProvisioningIndex(store.Load(), version);
    }

    private long DataVersion()
    {
        using var command = _probe.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)command.ExecuteScalar()!;
    }
}
