using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Centrex.Cli;

/// <summary>
/// Reads <c>serve</c>'s TLS certificate and key from PEM files, as the operator's CA or ACME client writes them: the
/// certificate file holds the server's certificate first, then any intermediates (a full chain file); the key file
/// holds its private key (PKCS#8 <c>PRIVATE KEY</c>, or <c>RSA PRIVATE KEY</c> / <c>EC PRIVATE KEY</c>), not encrypted.
/// Each problem names the option whose file it is in, so <c>serve</c> can refuse to start with a message that says
/// which file to fix (exit 2) rather than accept connections it cannot complete.
/// </summary>
internal static class TlsCertificateFiles
{
    /// <summary>The certificate with its key and the intermediates; null and <paramref name="problem"/> when they cannot be used.</summary>
    /// <param name="certificatePath">The certificate (chain) file.</param>
    /// <param name="keyPath">The key file.</param>
    /// <param name="certificateOption">The option the certificate file came from (<c>--tls-cert</c>, <c>--https-cert</c>), named in problems.</param>
    /// <param name="keyOption">The option the key file came from.</param>
    /// <param name="problem">What is wrong, naming the option and the file.</param>
    public static (X509Certificate2 Certificate, X509Certificate2Collection Intermediates)? TryLoad(
        string certificatePath, string keyPath, string certificateOption, string keyOption, out string? problem)
    {
        problem = null;
        if (!TryRead(certificateOption, certificatePath, out var certificateText, ref problem)
            || !TryRead(keyOption, keyPath, out var keyText, ref problem))
        {
            return null;
        }

        var chain = new X509Certificate2Collection();
        try
        {
            chain.ImportFromPem(certificateText);
        }
        catch (CryptographicException)
        {
            problem = $"{certificateOption} '{certificatePath}' holds a PEM certificate that does not parse";
            return null;
        }

        if (chain.Count == 0)
        {
            problem = $"{certificateOption} '{certificatePath}' holds no PEM certificate (-----BEGIN CERTIFICATE-----)";
            return null;
        }

        if (keyText.Contains("-----BEGIN ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal))
        {
            problem = $"{keyOption} '{keyPath}' is encrypted: give the key unencrypted, in a file only the service's user can read";
            return null;
        }

        if (!HasPrivateKey(keyText))
        {
            problem = $"{keyOption} '{keyPath}' holds no PEM private key (-----BEGIN PRIVATE KEY-----)";
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            // Also checks that the key is the certificate's: a pair that does not match fails every handshake.
            certificate = X509Certificate2.CreateFromPem(chain[0].ExportCertificatePem(), keyText);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            // ArgumentException: a key of the certificate's algorithm that is not its key; CryptographicException: none
            // of its algorithm, or one that does not parse.
            problem = $"{keyOption} '{keyPath}' is not the private key of the certificate in {certificateOption} '{certificatePath}' (or does not parse)";
            return null;
        }

        var intermediates = new X509Certificate2Collection();
        for (var i = 1; i < chain.Count; i++)
        {
            intermediates.Add(chain[i]);
        }

        chain[0].Dispose();
        return (certificate, intermediates);
    }

    /// <summary>Releases a pair <see cref="TryLoad"/> returned.</summary>
    public static void Dispose((X509Certificate2 Certificate, X509Certificate2Collection Intermediates) pair)
    {
        pair.Certificate.Dispose();
        foreach (var certificate in pair.Intermediates)
        {
            certificate.Dispose();
        }
    }

    /// <summary>Certificate chains and keys are a few KB: a larger file is the wrong one (read no further than this).</summary>
    private const int MaxFileBytes = 1 << 20;

    private static bool TryRead(string option, string path, out string text, ref string? problem)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
            var buffer = new byte[MaxFileBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = file.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }

            text = System.Text.Encoding.UTF8.GetString(buffer, 0, Math.Min(length, MaxFileBytes));
            if (length > MaxFileBytes)
            {
                problem = $"{option} '{path}' is larger than 1 MiB: not a PEM file";
                return false;
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            text = string.Empty;
            problem = $"{option} '{path}': the file cannot be read ({e.GetType().Name.Replace("Exception", string.Empty, StringComparison.Ordinal)})";
            return false;
        }
    }

    private static bool HasPrivateKey(string text)
    {
        var rest = text.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var label = rest[fields.Label];
            if (label is "PRIVATE KEY" or "RSA PRIVATE KEY" or "EC PRIVATE KEY")
            {
                return true;
            }

            rest = rest[fields.Location.End..];
        }

        return false;
    }
}
