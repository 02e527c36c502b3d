using System.Globalization;
using System.Text;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;

namespace Centrex.Provisioning.Tests;

/// <summary>
/// A hunt group rings at most <see cref="HuntGroup.MaxLines"/> (64) extensions, its included groups' counted in: import
/// stores a group of exactly that many and refuses one more naming the record and the field (its own members, or the
/// included groups that push it over); a group that includes itself through others is refused with the whole cycle.
/// The portal saves groups through this validation too (<c>HuntGroupChanges</c>, as an import).
/// </summary>
public sealed class HuntGroupLimitProvisioningTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Extension(int i) => (1000 + i).ToString(CultureInfo.InvariantCulture);

    private static string Members(int from, int count) =>
        string.Join(", ", Enumerable.Range(from, count).Select(i => $$"""{ "extension": "{{Extension(i)}}" }"""));

    private static ProvisioningSnapshot File(string groups)
    {
        var accounts = string.Join(", ", Enumerable.Range(0, 70).Select(i =>
            $$"""{ "id": "160455{{Extension(i)}}", "customer": "C1", "type": "debit", "extension": "{{Extension(i)}}", "sip": { "ha1_md5": "0123456789abcdef0123456789abcdef" } }"""));
        var json = $$"""
            { "format": "centrex-provisioning/1",
              "customers": [ { "id": "C1", "company": "Acme", "contact": "A", "email": "a@x.example",
                 "address": { "street": "1 Main", "city": "Halifax", "province": "NS", "country": "CA", "postal_code": "B3J" },
                 "time_zone": "America/Halifax" } ],
              "accounts": [ {{accounts}} ],
              "hunt_groups": [ {{groups}} ] }
            """;
        return ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "groups.json");
    }

    [Fact]
    public void AGroupOfTheLimit_WithItsIncludedGroup_IsStored()
    {
        using var store = ProvisioningStore.Open(_folder.Path);

        store.Import(File($$"""
            { "id": "big", "customer": "C1", "number": "300", "members": [ {{Members(0, 40)}} ], "groups": ["301"] },
            { "id": "rest", "customer": "C1", "number": "301", "members": [ {{Members(38, 26)}} ] }
            """), "groups.json"); // 40 + 26, two shared: 64 extensions

        Assert.Equal(2, store.Load().HuntGroups.Count);
        Assert.Equal(64, HuntGroup.MaxLines);
    }

    [Fact]
    public void OneExtensionMoreOfItsOwn_IsRefusedNamingTheMembersField()
    {
        using var store = ProvisioningStore.Open(_folder.Path);

        var e = Assert.Throws<ProvisioningException>(() => store.Import(File($$"""
            { "id": "big", "customer": "C1", "number": "300", "members": [ {{Members(0, 65)}} ] }
            """), "groups.json"));

        Assert.Equal("groups.json: hunt_groups (id \"big\"): field \"members\": 65 extensions; a hunt group rings at most 64", e.Message);
        Assert.Empty(store.Load().HuntGroups);
    }

    [Fact]
    public void OneExtensionMoreThroughAnIncludedGroup_IsRefusedNamingTheGroupsField()
    {
        using var store = ProvisioningStore.Open(_folder.Path);

        var e = Assert.Throws<ProvisioningException>(() => store.Import(File($$"""
            { "id": "big", "customer": "C1", "number": "300", "members": [ {{Members(0, 40)}} ], "groups": ["301"] },
            { "id": "rest", "customer": "C1", "number": "301", "members": [ {{Members(40, 25)}} ] }
            """), "groups.json"));

        Assert.Equal("groups.json: hunt_groups (id \"big\"): field \"groups\": 65 extensions with its included groups; a hunt group rings at most 64", e.Message);
    }

    [Fact]
    public void AGroupIncludingItselfThroughOthers_IsRefusedNamingTheCycle()
    {
        using var store = ProvisioningStore.Open(_folder.Path);

        var e = Assert.Throws<ProvisioningException>(() => store.Import(File($$"""
            { "id": "a", "customer": "C1", "number": "300", "members": [ {{Members(0, 1)}} ], "groups": ["301"] },
            { "id": "b", "customer": "C1", "number": "301", "members": [ {{Members(1, 1)}} ], "groups": ["302"] },
            { "id": "c", "customer": "C1", "number": "302", "members": [ {{Members(2, 1)}} ], "groups": ["300"] }
            """), "groups.json"));

        Assert.Equal("groups.json: hunt_groups (id \"a\"): field \"groups\": hunt group '300' includes itself (300 -> 301 -> 302 -> 300)", e.Message);
    }
}
