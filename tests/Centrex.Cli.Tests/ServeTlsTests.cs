using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Centrex.Switch.Tests.Support;

namespace Centrex.Cli.Tests;

/// <summary>
/// <c>centrex serve --tls ADDRESS:PORT --tls-cert FILE --tls-key FILE</c>: SIP over TLS with the operator's PEM files,
/// made by the test. A pair that cannot be used is refused before anything starts (exit 2, naming the option); a good
/// one is what the TLS listener presents.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes: the key file's
public sealed class ServeTlsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Serve_WithTls_PrintsItsAddress_AnswersOverTlsWithTheGivenCertificate_AndWarnsOfAKeyOthersCanRead()
    {
        using var certificate = TestCertificates.SelfSigned();
        var (cert, key) = TestCertificates.WritePem(certificate, _folder.Path, "switch");
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        using var serve = await CentrexProcess.ServeSipAsync("--sip", "127.0.0.1:0", "--data", _folder.File("data"),
            "--directory", _folder.Write("switch.json", SwitchProvisioning.Json()), "--tls", "127.0.0.1:0", "--tls-cert", cert, "--tls-key", key);
        var tls = await serve.OutputLineAsync("sip tls ");
        Assert.StartsWith("sip udp 127.0.0.1:", serve.Output[0], StringComparison.Ordinal);
        Assert.StartsWith("sip tcp 127.0.0.1:", serve.Output[1], StringComparison.Ordinal);
        Assert.StartsWith("sip tls 127.0.0.1:", serve.Output[2], StringComparison.Ordinal);
        var endpoint = IPEndPoint.Parse(tls["sip tls ".Length..]);

        using var client = new TcpClient();
        await client.ConnectAsync(endpoint);
        await using var stream = new SslStream(client.GetStream());
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await stream.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "centrex.test",
            RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString(),
        }, patience.Token);
        var local = (IPEndPoint)client.Client.LocalEndPoint!;
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"OPTIONS sip:centrex.test SIP/2.0\r\nVia: SIP/2.0/TLS {local};branch=z9hG4bKtls1;rport\r\nMax-Forwards: 70\r\n" +
            "From: <sip:probe@centrex.test>;tag=1\r\nTo: <sip:centrex.test>\r\nCall-ID: serve-tls\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"), patience.Token);
        var reply = new byte[4096];
        var read = await stream.ReadAsync(reply, patience.Token);
        var text = Encoding.ASCII.GetString(reply, 0, read);

        Assert.StartsWith("SIP/2.0 200 OK", text, StringComparison.Ordinal);
        Assert.Contains($"Via: SIP/2.0/TLS {local};branch=z9hG4bKtls1;rport={local.Port}", text, StringComparison.Ordinal);

        serve.Kill();
        Assert.Contains($"centrex serve: warning: --tls-key '{key}' can be read by other users: chmod 600 it", serve.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_TlsCertificateThatCannotBeRead_IsExit2NamingTlsCert()
    {
        var (_, key) = Pair("switch");

        var result = Serve("--tls", "127.0.0.1:0", "--tls-cert", _folder.File("missing.crt"), "--tls-key", key);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"centrex: --tls-cert '{_folder.File("missing.crt")}': the file cannot be read (FileNotFound)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_TlsKeyOfAnotherCertificate_IsExit2NamingTlsKey()
    {
        var (cert, _) = Pair("switch");
        var (_, otherKey) = Pair("other");
        using var rsa = RSA.Create(2048);
        var rsaKey = _folder.Write("rsa.key", rsa.ExportPkcs8PrivateKeyPem());

        var result = Serve("--tls", "127.0.0.1:0", "--tls-cert", cert, "--tls-key", otherKey);
        var otherAlgorithm = Serve("--tls", "127.0.0.1:0", "--tls-cert", cert, "--tls-key", rsaKey);

        Assert.Equal((2, 2), (result.ExitCode, otherAlgorithm.ExitCode));
        Assert.Contains($"centrex: --tls-key '{otherKey}' is not the private key of the certificate in --tls-cert '{cert}'", result.Error, StringComparison.Ordinal);
        Assert.Contains($"centrex: --tls-key '{rsaKey}' is not the private key of the certificate in --tls-cert '{cert}'", otherAlgorithm.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_TlsFilesThatHoldTheWrongThing_AreExit2NamingTheirOption()
    {
        var (cert, key) = Pair("switch");
        var text = _folder.Write("notes.txt", "not a certificate\n");
        using var encryptedKey = ECDsa.Create();
        var encrypted = _folder.Write("encrypted.key", encryptedKey.ExportEncryptedPkcs8PrivateKeyPem("pass",
            new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)));

        var noCertificate = Serve("--tls", "127.0.0.1:0", "--tls-cert", text, "--tls-key", key);
        var certificateAsKey = Serve("--tls", "127.0.0.1:0", "--tls-cert", cert, "--tls-key", cert);
        var encryptedAsKey = Serve("--tls", "127.0.0.1:0", "--tls-cert", cert, "--tls-key", encrypted);

        Assert.Equal((2, 2, 2), (noCertificate.ExitCode, certificateAsKey.ExitCode, encryptedAsKey.ExitCode));
        Assert.Contains($"--tls-cert '{text}' holds no PEM certificate", noCertificate.Error, StringComparison.Ordinal);
        Assert.Contains($"--tls-key '{cert}' holds no PEM private key", certificateAsKey.Error, StringComparison.Ordinal);
        Assert.Contains($"--tls-key '{encrypted}' is encrypted", encryptedAsKey.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_TlsWithoutItsFiles_OrFilesWithoutTls_IsExit2()
    {
        var (cert, key) = Pair("switch");

        var noFiles = Serve("--tls", "127.0.0.1:0", "--tls-cert", cert);
        var noListener = Serve("--tls-cert", cert, "--tls-key", key);

        Assert.Equal((2, 2), (noFiles.ExitCode, noListener.ExitCode));
        Assert.Contains("--tls needs --tls-cert FILE and --tls-key FILE", noFiles.Error, StringComparison.Ordinal);
        Assert.Contains("--tls-cert and --tls-key need --tls ADDRESS:PORT", noListener.Error, StringComparison.Ordinal);
    }

    private (string Certificate, string Key) Pair(string name)
    {
        using var certificate = TestCertificates.SelfSigned(name + ".test");
        return TestCertificates.WritePem(certificate, _folder.Path, name);
    }

    private CliRun Serve(params string[] tls) =>
        CliRun.Invoke(["serve", "--sip", "127.0.0.1:0", "--data", _folder.File("data"), "--directory", _folder.Write("switch.json", SwitchProvisioning.Json()), .. tls]);
}
