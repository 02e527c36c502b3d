using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Centrex.Cli.Tests;

/// <summary>
/// <c>centrex serve --data DIR</c> runs the switch from what <c>centrex provision import</c> stored (issue 4): its realm
/// in the challenge, and the stored digest hash accepting the password it was made from and nothing else.
/// </summary>
public sealed partial class ServeRegistrationTests : IDisposable
{
    private const string CallId = "serve-register";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Serve_FromTheStore_ChallengesARegisterInItsRealm_AcceptsTheProvisionedPassword_AndRefusesAnother()
    {
        using var serve = await AliceRegister.ServeAsync(_folder);
        var server = AliceRegister.Udp(serve);
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var challenge = await AliceRegister.Exchange(client, server, CallId, 1, null, patience.Token);
        Assert.StartsWith("SIP/2.0 401 ", challenge, StringComparison.Ordinal);
        var offer = ChallengeLine().Match(challenge); // the first offered: MD5, as provisioned ["MD5", "SHA-256"]
        Assert.Equal((SwitchProvisioning.Realm, "MD5"), (offer.Groups["realm"].Value, offer.Groups["algorithm"].Value));
        var nonce = offer.Groups["nonce"].Value;

        var accepted = await AliceRegister.Exchange(client, server, CallId, 2, AliceRegister.Authorization(server, nonce, SwitchProvisioning.Password), patience.Token);
        var refused = await AliceRegister.Exchange(client, server, CallId, 3, AliceRegister.Authorization(server, nonce, "not-the-password"), patience.Token);

        Assert.StartsWith("SIP/2.0 200 ", accepted, StringComparison.Ordinal);
        Assert.StartsWith("SIP/2.0 401 ", refused, StringComparison.Ordinal);

        Assert.Equal(0, await serve.StopAsync());
        Assert.Contains("switch directory from " + Path.Combine(_folder.File("data"), "provisioning.db") + ": 3 SIP accounts, realm \"centrex.test\"", serve.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex("WWW-Authenticate: Digest realm=\"(?<realm>[^\"]*)\", nonce=\"(?<nonce>[^\"]*)\", algorithm=(?<algorithm>[A-Z0-9-]+)")]
    private static partial Regex ChallengeLine();
}
