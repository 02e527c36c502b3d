using Centrex.Provisioning;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;

namespace Centrex.Portal.Data;

/// <summary>
/// Records checked as <c>provision import</c> reads them: a form builds model records directly, which skips what the
/// JSON reader checks field by field (a dialing prefix is 1 to 8 of the digits, * and #; a hunt group's sequence is
/// one of four names); written as provisioning JSON and read back, they meet those checks with import's own messages
/// (<c>field "hide_cli_prefix": ...</c>) before the store's validation of the whole.
/// </summary>
public sealed partial class ProvisioningChanges
{
    /// <summary>
    /// Changes records as if imported from a file, built from provisioning as it is when the change runs (<see cref="Apply"/>), each read back from
    /// its provisioning JSON first; <paramref name="change"/> returns null to change nothing.
    /// </summary>
    public Result AsImported(string source, Func<ProvisioningIndex, ProvisioningSnapshot?> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Apply(source, current => change(current) is { } records ? Reread(records, source) : null);
    }

    /// <summary>Removes a hunt group (an import cannot remove); refused with the validator's message when something uses it.</summary>
    public Result RemoveHuntGroup(string source, string id)
    {
        lock (_gate)
        {
            try
            {
                using var store = ProvisioningStore.Open(data.DataDirectory);
                store.RemoveHuntGroup(id, source);
            }
            catch (ProvisioningException e)
            {
                return Refusal(e, source);
            }

            data.Provisioning.Refresh(force: true);
            SwitchHasIt();
            return Result.Ok;
        }
    }

    private static ProvisioningSnapshot Reread(ProvisioningSnapshot records, string source)
    {
        using var json = new MemoryStream();
        ProvisioningJsonWriter.Write(records, json);
        return ProvisioningJsonReader.Parse(json.ToArray(), source);
    }
}
