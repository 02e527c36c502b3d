using System.Text.Json;
using Centrex.Provisioning.Model;

namespace Centrex.Provisioning.Json;

/// <summary>An account's identity and the screening of an account or customer, written only where set (issue 15).</summary>
public static partial class ProvisioningJsonWriter
{
    private static void WriteIdentity(Utf8JsonWriter w, LineIdentity identity)
    {
        if (identity.CallerId is { } did)
        {
            w.WriteString("caller_id", "+" + did);
        }

        if (identity.HideCli != HideCli.Automatic)
        {
            w.WriteString("hide_cli", WireNames.Name(WireNames.HideCliModes, identity.HideCli));
        }

        if (identity.HidePrefix is { } hide)
        {
            w.WriteString("hide_cli_prefix", hide);
        }

        if (identity.ShowPrefix is { } show)
        {
            w.WriteString("show_cli_prefix", show);
        }
    }

    private static void WriteScreening(Utf8JsonWriter w, CallScreening screening)
    {
        if (screening.DoNotDisturb is { } dnd)
        {
            w.WriteBoolean("do_not_disturb", dnd);
        }

        if (screening.AnonymousRejection is { } acr)
        {
            w.WriteBoolean("anonymous_call_rejection", acr);
        }

        if (screening.CallWaiting is { } waiting)
        {
            w.WriteBoolean("call_waiting", waiting);
        }

        if (screening.BlockedNumbers.Count > 0 || screening.BlockedPrefixes.Count > 0)
        {
            w.WriteStartObject("blacklist");
            Strings(w, "numbers", screening.BlockedNumbers);
            Strings(w, "prefixes", screening.BlockedPrefixes);
            w.WriteEndObject();
        }
    }
}
