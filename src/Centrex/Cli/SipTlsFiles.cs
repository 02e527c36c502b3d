using System.Net;

namespace Centrex.Cli;

/// <summary><c>serve</c>'s TLS listener as asked for: its address and the PEM files of its certificate and key.</summary>
internal sealed record SipTlsFiles(IPEndPoint Endpoint, string CertificatePath, string KeyPath);
