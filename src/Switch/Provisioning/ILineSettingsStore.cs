namespace Centrex.Switch.Provisioning;

/// <summary>
/// Where a setting a phone changed by star code (DND, anonymous rejection, forwarding, night mode) is kept, so a restart keeps it and provisioning shows it (the host
/// writes it to the provisioning store). Called on a partition's thread: it must queue the write and return at once,
/// never wait for the disk. The switch applies the change itself, at once, without waiting for the store.
/// </summary>
public interface ILineSettingsStore
{
    /// <summary>Keeps <paramref name="setting"/> of account <paramref name="accountId"/> at <paramref name="on"/>.</summary>
    void Save(string accountId, LineSetting setting, bool on);

    /// <summary>
    /// Keeps the forwarding account <paramref name="accountId"/>'s phone set by <c>*72</c>/<c>*73</c>:
    /// <paramref name="number"/> (E.164 digits or an extension), or null when the phone turned it off.
    /// </summary>
    void SaveForwarding(string accountId, CallFlows.ForwardWhen when, string? number);

    /// <summary>Keeps customer <paramref name="customerId"/>'s night mode as <c>*33</c> left it.</summary>
    void SaveNightMode(string customerId, bool on);
}
