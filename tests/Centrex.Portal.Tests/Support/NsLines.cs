namespace Centrex.Portal.Tests.Support;

/// <summary>
/// CUST-NS's phones for the Identity and Huntgroups tests (no other test looks at CUST-NS's lines): ACC-1003 (extension
/// 103, two DIDs), ACC-1103 (113) and ACC-1203 (123), imported as an operator would provision them. Importing again
/// puts the lines back as written here (import merges by id).
/// </summary>
public static class NsLines
{
    public const string Json = """
        { "format": "centrex-provisioning/1",
          "accounts": [
            { "id": "ACC-1003", "customer": "CUST-NS", "type": "credit", "credit_limit": "750.00", "requires_911": true, "extension": "103", "extension_name": "Colin",
              "sip": { "username": "ns103", "ha1_md5": "00000000000000000000000000000000" }, "dids": ["+19025550103", "+19025550113"] },
            { "id": "ACC-1103", "customer": "CUST-NS", "type": "credit", "credit_limit": "0.00", "requires_911": false, "extension": "113", "extension_name": "Fiona",
              "sip": { "username": "ns113", "ha1_md5": "00000000000000000000000000000000" } },
            { "id": "ACC-1203", "customer": "CUST-NS", "type": "credit", "credit_limit": "0.00", "requires_911": false, "extension": "123", "extension_name": "Angus",
              "sip": { "username": "ns123", "ha1_md5": "00000000000000000000000000000000" } } ] }
        """;

    /// <summary>Imports the lines into the server's data directory (<c>provision import</c>).</summary>
    public static async Task Import(PortalServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var file = Path.Combine(server.Data, "ns-lines.json");
        await File.WriteAllTextAsync(file, Json);
        var import = await PortalServer.Run(null, "provision", "import", "--data", server.Data, file);
        Assert.True(import.Exit == 0, import.Error);
    }
}
