using System.Net;

namespace Centrex.Switch.Transport;

/// <summary>How the switch names a transport in what it writes: Via, its own Contact, log lines.</summary>
internal static class SipTransportNames
{
    /// <summary>
    /// The Via transport token (RFC 3261 §20.42, §18): <c>UDP</c>, <c>TCP</c>, <c>TLS</c>. The switch's internal hop
    /// between partitions reads as UDP (it never leaves the process).
    /// </summary>
    public static string Via(SipTransportKind kind) => kind switch
    {
        SipTransportKind.Tcp => "TCP",
        SipTransportKind.Tls => "TLS",
        _ => "UDP",
    };

    /// <summary>Lower case, for log lines (<c>transport=tls</c>).</summary>
    public static string Lower(SipTransportKind kind) => kind switch
    {
        SipTransportKind.Tcp => "tcp",
        SipTransportKind.Tls => "tls",
        SipTransportKind.Internal => "internal",
        _ => "udp",
    };

    /// <summary>
    /// The switch's Contact for a dialog over <paramref name="kind"/> at <paramref name="local"/>, so the peer's
    /// requests in the dialog come back on the same transport (§12.1.1, §19.1.4): a <c>sips:</c> URI when the dialog
    /// is one (§8.1.1.8: a request to a SIPS URI carries a SIPS Contact, and so does the answer to it, §12.1.1),
    /// <c>transport=tls</c> over TLS otherwise, <c>transport=tcp</c> over TCP, a bare URI over UDP.
    /// </summary>
    public static string Contact(SipTransportKind kind, IPEndPoint local, bool sips) => kind switch
    {
        SipTransportKind.Tls when sips => $"<sips:centrex@{local}>",
        SipTransportKind.Tls => $"<sip:centrex@{local};transport=tls>",
        SipTransportKind.Tcp => $"<sip:centrex@{local};transport=tcp>",
        _ => $"<sip:centrex@{local}>",
    };
}
