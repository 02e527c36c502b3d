using System.Text.Json;
using Centrex.Provisioning.Model;
using NodaTime.Text;

namespace Centrex.Provisioning.Json;

/// <summary>An account's <c>forwarding</c> object (see <see cref="ProvisioningJsonReader.ParseForwarding"/>).</summary>
public static partial class ProvisioningJsonWriter
{
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>The <c>forwarding</c> object as JSON text (as the store keeps it).</summary>
    public static string ForwardingJson(Forwarding forwarding)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteForwarding(w, forwarding);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary><c>"phone_forwarding": { "when": "unanswered", "number": "+15145550100" }</c>, or <c>{ "when": "off" }</c>.</summary>
    private static void WritePhoneForwarding(Utf8JsonWriter w, PhoneForwarding phone)
    {
        w.WriteStartObject("phone_forwarding");
        if (phone.IsOff)
        {
            w.WriteString("when", ProvisioningJsonReader.PhoneForwardingOff);
        }
        else
        {
            w.WriteString("when", WireNames.Name(WireNames.ForwardWhens, phone.When));
            w.WriteString("number", phone.Number);
        }

        w.WriteEndObject();
    }

    private static void WriteForwarding(Utf8JsonWriter w, Forwarding forwarding)
    {
        w.WriteStartObject();
        w.WriteString("mode", WireNames.Name(WireNames.ForwardingModes, forwarding.Mode));
        // Issue 15's settings only when they differ from their defaults, so a line's forwarding written before them (and
        // the portal's answers) reads the same.
        if (forwarding.When != ForwardWhen.Always)
        {
            w.WriteString("when", WireNames.Name(WireNames.ForwardWhens, forwarding.When));
        }

        if (forwarding.RingSeconds != ProvisioningJsonReader.DefaultRingSeconds)
        {
            w.WriteNumber("ring_for", forwarding.RingSeconds);
        }

        if (forwarding.Simultaneous)
        {
            w.WriteBoolean("simultaneous", true);
        }

        w.WriteStartArray("targets");
        foreach (var t in forwarding.Targets)
        {
            w.WriteStartObject();
            w.WriteString("number", t.Number);
            if (t.Description.Length > 0)
            {
                w.WriteString("description", t.Description);
            }

            w.WriteNumber("ring_for", t.RingSeconds);
            w.WriteString("display", WireNames.Name(WireNames.CallerDisplays, t.Display));
            w.WriteBoolean("enabled", t.Enabled);
            if (t.Schedule.Count > 0)
            {
                w.WriteStartArray("schedule");
                foreach (var p in t.Schedule)
                {
                    w.WriteStartObject();
                    w.WriteString("from", Time.Format(p.From));
                    w.WriteString("to", Time.Format(p.To));
                    Strings(w, "days", p.Days.Select(d => WireNames.Name(WireNames.Days, d)));
                    w.WriteStartArray("months");
                    foreach (var m in p.Months)
                    {
                        w.WriteNumberValue(m);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
