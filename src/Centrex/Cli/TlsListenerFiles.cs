using System.Net;

namespace Centrex.Cli;

/// <summary>
/// A TLS listener of <c>serve</c> as asked for (SIP over TLS, or the portal's HTTPS): its address, the PEM files of its
/// certificate and key, and the names of the options they came from, so every message about them names the option to fix.
/// </summary>
internal sealed record TlsListenerFiles(IPEndPoint Endpoint, string CertificatePath, string KeyPath, string CertificateOption, string KeyOption);
