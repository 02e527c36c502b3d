using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Store;

namespace Centrex.Provisioning.Tests;

/// <summary>
/// The stable codes of provisioning's refusals (issue 16: the portal says them in the login's language from the code
/// while the command line and the API keep the English message): each code is one kind of refusal, written in
/// lower-case words with hyphens (the API's <c>kind</c>), and a refusal given its code keeps its message word for word.
/// </summary>
public sealed partial class ProvisioningErrorsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void EveryCode_IsOneKind_InLowerCaseWordsWithHyphens()
    {
        var codes = typeof(ProvisioningErrors).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();

        Assert.True(codes.Count >= 100, $"only {codes.Count} codes");
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches(Kebab(), c));
    }

    [Fact]
    public void ATrunkAddressRefusal_HasItsCodeAndValue_TheMessageUnchanged()
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        var file = """{ "format": "centrex-provisioning/1", "trunks": [ { "id": "pstn", "address": "not-an-ip" } ] }""";

        var error = Assert.Throws<ProvisioningException>(() => store.Import(ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(file), "trunks.json"), "trunks.json"));

        Assert.Equal(ProvisioningErrors.TrunkAddress, error.Code);
        Assert.Equal(["not-an-ip"], error.Arguments);
        Assert.Equal("trunks.json: trunks (id \"pstn\"): address 'not-an-ip' is not an IP address with an optional port (192.0.2.1 or 192.0.2.1:5060)", error.Message);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Kebab();
}
