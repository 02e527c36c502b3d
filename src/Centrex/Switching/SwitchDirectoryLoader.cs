using Centrex.Provisioning;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Store;

namespace Centrex.Switching;

/// <summary>Where <c>centrex serve</c> gets the switch's directory: a provisioning JSON file when given, else the data directory's store.</summary>
internal static class SwitchDirectoryLoader
{
    /// <summary>
    /// The directory from <paramref name="file"/> (a provisioning JSON file, checked as an import would be) when given;
    /// else from <c>DATA/provisioning.db</c> when it has accounts with SIP credentials; else null (no switch to run).
    /// What was loaded is reported on <paramref name="log"/>.
    /// </summary>
    /// <exception cref="ProvisioningException">The file or store breaks a provisioning rule.</exception>
    public static ProvisionedSwitchDirectory? Load(string dataDirectory, string? file, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        ProvisionedSwitchDirectory directory;
        string source;
        if (file is not null)
        {
            directory = ProvisionedSwitchDirectory.From(ProvisioningJsonReader.Read(file), file);
            source = file;
        }
        else
        {
            // Opening the store creates it: only look when there is one, so serving ingestion alone leaves none behind.
            if (!File.Exists(Path.Combine(dataDirectory, ProvisioningStore.FileName)))
            {
                return null;
            }

            using var store = ProvisioningStore.Open(dataDirectory);
            var snapshot = store.Load();
            if (!snapshot.HasSipAccounts)
            {
                return null;
            }

            directory = ProvisionedSwitchDirectory.From(snapshot, store.Path);
            source = store.Path;
        }

        log.WriteLine($"centrex serve: switch directory from {source}: {directory.AccountCount:N0} SIP accounts, realm \"{directory.Realm}\"");
        return directory;
    }
}
