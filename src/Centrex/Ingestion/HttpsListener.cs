using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Centrex.Ingestion;

/// <summary>
/// The HTTPS listener of <c>serve</c> (issue 16: the portal's cookies are Secure when it is reached over TLS): where it
/// listens, the server certificate with its private key, and the intermediates sent with it in the handshake.
/// </summary>
internal sealed record HttpsListener(IPEndPoint Endpoint, X509Certificate2 Certificate, X509Certificate2Collection Intermediates);
