using System.Text;
using System.Xml;
using Centrex.Switch.Provisioning;

namespace Centrex.Switch.Calls;

/// <summary>
/// The body of an emergency INVITE: the caller's SDP and its location by value (RFC 6442 §4.1), a PIDF-LO
/// (RFC 4119) with the civic address fields of RFC 5139, as two parts of a multipart/mixed body (RFC 5621); the
/// INVITE names the location part in its Geolocation header by Content-ID.
/// </summary>
internal static class EmergencyBody
{
    private const string Pidf = "urn:ietf:params:xml:ns:pidf";
    private const string GeoPriv = "urn:ietf:params:xml:ns:pidf:geopriv10";
    private const string Civic = "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr";

    /// <summary>The multipart body and its Content-Type; <paramref name="contentId"/> is what the Geolocation header points at.</summary>
    public static (byte[] Body, string ContentType) Build(ReadOnlyMemory<byte> sdp, EmergencyLocation location, string entity, string contentId, NodaTime.Instant now)
    {
        var boundary = "centrex-e911-" + Guid.NewGuid().ToString("N");
        var body = new MemoryStream();
        void Text(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        Text($"--{boundary}\r\nContent-Type: application/sdp\r\n\r\n");
        body.Write(sdp.Span);
        Text($"\r\n--{boundary}\r\nContent-Type: application/pidf+xml\r\nContent-ID: <{contentId}>\r\n\r\n");
        body.Write(PidfLo(location, entity, now));
        Text($"\r\n--{boundary}--\r\n");
        return (body.ToArray(), $"multipart/mixed;boundary={boundary}");
    }

    /// <summary>The location document: written by an XML writer, so provisioned text cannot break its markup.</summary>
    private static byte[] PidfLo(EmergencyLocation location, string entity, NodaTime.Instant now)
    {
        var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            xml.WriteStartElement("presence", Pidf);
            xml.WriteAttributeString("xmlns", "gp", null, GeoPriv);
            xml.WriteAttributeString("xmlns", "ca", null, Civic);
            xml.WriteAttributeString("entity", entity);
            xml.WriteStartElement("tuple", Pidf);
            xml.WriteAttributeString("id", "e911");
            xml.WriteStartElement("status", Pidf);
            xml.WriteStartElement("geopriv", GeoPriv);
            xml.WriteStartElement("location-info", GeoPriv);
            xml.WriteStartElement("civicAddress", Civic);
            xml.WriteElementString("country", Civic, location.Country);
            if (location.Province is { } province)
            {
                xml.WriteElementString("A1", Civic, province);
            }

            xml.WriteElementString("A3", Civic, location.City);
            xml.WriteElementString("RD", Civic, location.Street);
            xml.WriteElementString("PC", Civic, location.PostalCode);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("usage-rules", GeoPriv);
            xml.WriteEndElement();
            xml.WriteElementString("method", GeoPriv, "Manual"); // provisioned, not measured (RFC 4119 §2.2.3)
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteElementString("timestamp", Pidf, NodaTime.Text.InstantPattern.ExtendedIso.Format(now));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return output.ToArray();
    }
}
