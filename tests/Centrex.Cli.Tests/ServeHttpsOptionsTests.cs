using Centrex.Switch.Tests.Support;

namespace Centrex.Cli.Tests;

/// <summary>
/// <c>centrex serve --https ADDRESS:PORT --https-cert FILE --https-key FILE</c> and <c>--trusted-proxy ADDRESS</c> on the
/// command line: the portal's certificate pair is checked as the SIP listener's is, and every refusal names the HTTPS
/// option, not the SIP one (exit 2, before anything starts). Serving over HTTPS is Centrex.Portal.Tests' HttpsTests.
/// </summary>
public sealed class ServeHttpsOptionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Serve_HttpsKeyOfAnotherCertificate_IsExit2NamingHttpsKeyAndHttpsCert()
    {
        var (cert, _) = Pair("portal");
        var (_, otherKey) = Pair("other");

        var result = Serve("--https", "127.0.0.1:0", "--https-cert", cert, "--https-key", otherKey);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"centrex: --https-key '{otherKey}' is not the private key of the certificate in --https-cert '{cert}'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_HttpsWithoutItsFiles_OrFilesWithoutHttps_IsExit2()
    {
        var (cert, key) = Pair("portal");

        var noFiles = Serve("--https", "127.0.0.1:0", "--https-key", key);
        var noListener = Serve("--https-cert", cert, "--https-key", key);
        var missing = Serve("--https", "127.0.0.1:0", "--https-cert", _folder.File("missing.crt"), "--https-key", key);

        Assert.Equal((2, 2, 2), (noFiles.ExitCode, noListener.ExitCode, missing.ExitCode));
        Assert.Contains("--https needs --https-cert FILE and --https-key FILE", noFiles.Error, StringComparison.Ordinal);
        Assert.Contains("--https-cert and --https-key need --https ADDRESS:PORT", noListener.Error, StringComparison.Ordinal);
        Assert.Contains($"centrex: --https-cert '{_folder.File("missing.crt")}': the file cannot be read (FileNotFound)", missing.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("proxy.example")]
    [InlineData("0.0.0.0")]
    public void Serve_TrustedProxyThatIsNotOneAddress_IsExit2NamingIt(string proxy)
    {
        var result = Serve("--http", "127.0.0.1:0", "--trusted-proxy", proxy);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--trusted-proxy '{proxy}' is not an IP address", result.Error, StringComparison.Ordinal);
    }

    private (string Certificate, string Key) Pair(string name)
    {
        using var certificate = TestCertificates.SelfSigned(name + ".test");
        return TestCertificates.WritePem(certificate, _folder.Path, name);
    }

    private CliRun Serve(params string[] options) => CliRun.Invoke(["serve", "--data", _folder.File("data"), .. options]);
}
