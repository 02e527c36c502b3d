using System.Globalization;

namespace Centrex.Provisioning.Store;

/// <summary>Noticing what other processes commit (issue 14, live provisioning).</summary>
public sealed partial class ProvisioningStore
{
    /// <summary>
    /// SQLite's <c>PRAGMA data_version</c> on this store's connection: it changes when another connection (a
    /// <c>provision import</c>, the portal) has committed to the database since the last call, and not for this
    /// connection's own reads. Comparable only with earlier values from the same store object. Cheap: no table is read,
    /// so a running <c>serve</c> can ask it several times a second instead of reading the whole store.
    /// </summary>
    public long DataVersion()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
