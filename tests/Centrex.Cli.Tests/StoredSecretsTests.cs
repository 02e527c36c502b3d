using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Centrex.Cli.Tests;

/// <summary>
/// Issue 16: "passwords hashed with a standard algorithm ... API keys stored hashed". The real program makes a login
/// (<c>user add</c>) and an API key (<c>apikey create</c>), the customer changes the password on the portal's My Profile
/// page and the operator resets it through the API; then the access database holds an ASP.NET Core Identity v3 hash
/// (PBKDF2) of each password and the SHA-256 of the key's secret, and no plaintext appears in any file of the data
/// directory (databases, their write-ahead logs, anything else).
/// </summary>
public sealed partial class StoredSecretsTests : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task PasswordsAndApiKeys_AreStoredAsSlowHashesAndSha256_AndNoPlaintextIsInTheDataDirectory()
    {
        Assert.Equal(0, (await Centrex("provision", "import", "--data", _data.Path, SampleProvisioning.Path)).ExitCode);
        var added = await Centrex("user", "add", "bakery", "--customer", "CUST-QC", "--data", _data.Path);
        Assert.True(added.ExitCode == 0, added.Error);
        var first = added.Out.Trim();
        var key = await CentrexProcess.CreateKeyAsync(_data.Path, umask: null, "logins:write");
        Assert.True(ApiKeyParts().Match(key) is { Success: true }, key);
        var secret = ApiKeyParts().Match(key).Groups["secret"].Value;
        Assert.Equal(Sha256(secret), SingleBlob("SELECT secret_sha256 FROM api_keys WHERE id = $id", ("$id", ApiKeyParts().Match(key).Groups["id"].Value)));
        AssertIdentityV3(HashOf("bakery"), first);

        const string changed = "Changed-on-the-profile-page-42";
        string reset;
        using (var serve = await CentrexProcess.ServeSwitchAsync(_data.Path, "--sip", "127.0.0.1:0"))
        {
            // The customer changes the password on My Profile (a real form post with its anti-forgery token).
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
            using var browser = new HttpClient(handler) { BaseAddress = serve.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/api/v1/session", new { login = "bakery", password = first })).StatusCode);
            var profile = await browser.GetStringAsync("/customer/profile");
            var token = AntiForgery().Match(profile);
            Assert.True(token.Success, "no anti-forgery token on My Profile");
            using var post = await browser.PostAsync("/customer/profile?handler=Password", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["current"] = first, ["new"] = changed, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            }));
            Assert.Contains("Password changed", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            AssertIdentityV3(HashOf("bakery"), changed);

            // The operator resets it through the API with the key; the made-up password is answered once.
            using var api = new HttpClient { BaseAddress = serve.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            using var answer = await api.PostAsJsonAsync("/api/v1/operator/logins/bakery/password", new { });
            Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
            reset = (await answer.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("password").GetString()!;
            AssertIdentityV3(HashOf("bakery"), reset);
            Assert.Equal(0, await serve.StopAsync());
        }

        foreach (var plaintext in new[] { first, changed, reset, key, secret })
        {
            foreach (var file in Directory.EnumerateFiles(_data.Path, "*", SearchOption.AllDirectories))
            {
                var bytes = File.ReadAllBytes(file);
                Assert.False(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(plaintext)) >= 0, $"{file} holds a secret in plaintext");
                Assert.False(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(plaintext)) >= 0, $"{file} holds a secret in UTF-16");
            }
        }
    }

    /// <summary>
    /// ASP.NET Core Identity's v3 format: 0x01, the PRF (1 HMAC-SHA256, 2 HMAC-SHA512), iterations, salt length, salt and
    /// subkey, all big-endian; the subkey is PBKDF2 of the password, recomputed here independently of the hasher.
    /// </summary>
    private static void AssertIdentityV3(string stored, string password)
    {
        var bytes = Convert.FromBase64String(stored);
        Assert.Equal(0x01, bytes[0]);
        var prf = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1));
        var iterations = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5));
        var saltLength = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9));
        Assert.InRange(prf, 1u, 2u);
        Assert.True(iterations >= 10_000, $"{iterations} PBKDF2 iterations");
        Assert.True(saltLength >= 16, $"{saltLength}-byte salt");
        var salt = bytes.AsSpan(13, saltLength).ToArray();
        var subkey = bytes.AsSpan(13 + saltLength).ToArray();
        Assert.True(subkey.Length >= 32, $"{subkey.Length}-byte subkey");
        var derived = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, prf == 1 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA512, subkey.Length);
        Assert.Equal(subkey, derived);
    }

    private string HashOf(string login) =>
        (string)Scalar("SELECT password_hash FROM users WHERE login = $l", ("$l", login))!;

    private byte[] SingleBlob(string sql, params (string Name, object Value)[] parameters) => (byte[])Scalar(sql, parameters)!;

    private object? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_data.Path, "access.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteScalar();
    }

    private static byte[] Sha256(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    private static Task<CliRun> Centrex(params string[] args) => CentrexProcess.RunAsync(null, args);

    [GeneratedRegex("^cxk_(?<id>[^_]+)_(?<secret>.+)$")]
    private static partial Regex ApiKeyParts();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();
}
