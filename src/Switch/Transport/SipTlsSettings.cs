using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Centrex.Switch.Transport;

/// <summary>
/// SIP over TLS (RFC 3261 §26.2.1): where the switch listens for it (5061 by convention, §19.1.2) and the certificate
/// it presents, with its private key and the intermediate certificates sent with it so phones can build the chain to
/// the root they trust. The switch does not ask phones for certificates: phones authenticate with digest (§22), over
/// the encrypted connection.
/// </summary>
/// <param name="Endpoint">The address and port of the TLS listener (port 0 picks a free one).</param>
/// <param name="Certificate">The server certificate, with its private key.</param>
/// <param name="Intermediates">Certificates between it and a root, sent in the handshake (none for a self-signed one).</param>
public sealed record SipTlsSettings(IPEndPoint Endpoint, X509Certificate2 Certificate, X509Certificate2Collection? Intermediates = null);
