using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Centrex.Switch.Transport;

/// <summary>
/// The TLS parameters of both sides of a SIP connection, made once from <see cref="SipTlsSettings"/>. TLS 1.2 and 1.3
/// only (RFC 3261 §26.2.1 asked for TLS 1.0 at the time; RFC 8996 retired 1.0 and 1.1), no renegotiation (a client
/// asking for it again and again is a cheap way to spend the server's CPU), cipher suites as the system's OpenSSL
/// policy allows.
/// </summary>
internal sealed class SipTlsContext
{
    private const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    private readonly SslStreamCertificateContext _certificate;

    public SipTlsContext(SipTlsSettings settings)
    {
        // offline: the chain is built from what the operator gave, without fetching anything when the switch starts.
        _certificate = SslStreamCertificateContext.Create(settings.Certificate, settings.Intermediates, offline: true);
        Server = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = _certificate,
            EnabledSslProtocols = Protocols,
            ClientCertificateRequired = false, // phones authenticate with digest; few have a certificate of their own
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            AllowRenegotiation = false,
        };
    }

    /// <summary>What an accepted connection's handshake uses.</summary>
    public SslServerAuthenticationOptions Server { get; }

    /// <summary>
    /// What a connection the switch opens to a phone's <c>sips:</c> or <c>transport=tls</c> contact uses. The phone's
    /// certificate is not verified: phones seldom have one a public CA signed, let alone for the address they register
    /// from, so checking would make TLS contacts unusable and leave them on nothing better. The contact came from a
    /// REGISTER the phone authenticated with digest; the connection still encrypts what passes (against eavesdropping,
    /// not against someone who can intercept the switch's connections). The phone's own connection, kept from its
    /// REGISTER, is used first whenever it is open. The switch presents its own certificate if the phone asks for one.
    /// </summary>
    public SslClientAuthenticationOptions ClientFor(string host) => new()
    {
        TargetHost = host,
        EnabledSslProtocols = Protocols,
        ClientCertificateContext = _certificate,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        RemoteCertificateValidationCallback = static (_, _, _, _) => true,
        AllowRenegotiation = false,
    };
}
