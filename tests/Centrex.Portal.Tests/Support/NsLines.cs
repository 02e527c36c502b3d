namespace Centrex.Portal.Tests.Support;

/// <summary>
/// CUST-NS's phones for the Identity and Huntgroups tests (no other test looks at CUST-NS's lines): ACC-1003 (extension
/// 103, two DIDs), ACC-1103 (113) and ACC-1203 (123), imported as an operator would provision them. Importing again
/// puts the lines back as written here (import merges by id). Every phone's SIP password is <see cref="Password"/>.
/// </summary>
public static class NsLines
{
    /// <summary>The SIP password of ns103, ns113 and ns123.</summary>
    public const string Password = "ns-phone-secret";

    public const string Json = """
        { "format": "centrex-provisioning/1",
          "accounts": [
            { "id": "ACC-1003", "customer": "CUST-NS", "type": "credit", "credit_limit": "750.00", "requires_911": true, "extension": "103", "extension_name": "Colin",
              "sip": { "username": "ns103", "ha1_md5": "HA1-ns103" }, "dids": ["+19025550103", "+19025550113"] },
            { "id": "ACC-1103", "customer": "CUST-NS", "type": "credit", "credit_limit": "0.00", "requires_911": false, "extension": "113", "extension_name": "Fiona",
              "sip": { "username": "ns113", "ha1_md5": "HA1-ns113" } },
            { "id": "ACC-1203", "customer": "CUST-NS", "type": "credit", "credit_limit": "0.00", "requires_911": false, "extension": "123", "extension_name": "Angus",
              "sip": { "username": "ns123", "ha1_md5": "HA1-ns123" } } ] }
        """;

    /// <summary>Imports the lines into the server's data directory (<c>provision import</c>).</summary>
    public static async Task Import(PortalServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var file = Path.Combine(server.Data, "ns-lines.json");
        var json = Json;
        foreach (var user in new[] { "ns103", "ns113", "ns123" })
        {
            json = json.Replace($"HA1-{user}", Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{user}:centrex:{Password}"))), StringComparison.Ordinal);
        }

        await File.WriteAllTextAsync(file, json);
        var import = await PortalServer.Run(null, "provision", "import", "--data", server.Data, file);
        Assert.True(import.Exit == 0, import.Error);

        // The portal reads provisioning again when the store changed, at most every 250 ms: a test that asked at once
        // could find a line missing (IdentityTests once got 404 for ACC-1103). Wait until the customer sees all three.
        using var ns = await Sessions.SignedIn(server, "cust-ns");
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string lines;
        while (!(lines = await ns.Http.GetStringAsync("/api/v1/me/identity", CancellationToken.None)).Contains("ACC-1203", StringComparison.Ordinal)
            || !lines.Contains("ACC-1103", StringComparison.Ordinal) || !lines.Contains("ACC-1003", StringComparison.Ordinal))
        {
            Assert.False(patience.IsCancellationRequested, $"the portal did not show the imported lines within 10 s: {lines}");
            await Task.Delay(50, CancellationToken.None);
        }
    }
}
