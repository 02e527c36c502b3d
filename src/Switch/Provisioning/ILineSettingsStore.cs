namespace Centrex.Switch.Provisioning;

/// <summary>
/// Where a setting a phone changed by star code is kept, so a restart keeps it and provisioning shows it (the host
/// writes it to the provisioning store). Called on a partition's thread: it must queue the write and return at once,
/// never wait for the disk. The switch applies the change itself, at once, without waiting for the store.
/// </summary>
public interface ILineSettingsStore
{
    /// <summary>Keeps <paramref name="setting"/> of account <paramref name="accountId"/> at <paramref name="on"/>.</summary>
    void Save(string accountId, LineSetting setting, bool on);
}
