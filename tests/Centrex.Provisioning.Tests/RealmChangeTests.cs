using System.Security.Cryptography;
using System.Text;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;

namespace Centrex.Provisioning.Tests;

/// <summary>
/// A realm change re-hashes nothing silently (issue 14): every HA1 is hashed with the realm, so an import that changes
/// <c>switch.realm</c> must give every SIP account's hashes again, for the new realm.
/// </summary>
public sealed class RealmChangeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Ha1(string user, string realm) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{user}:{realm}:secret")));

    /// <summary>Customer C1 with SIP lines alice and 16045550102 (alice alone unless <paramref name="both"/>), hashed with <paramref name="hashRealm"/>.</summary>
    private static ProvisioningSnapshot File(string realm, string hashRealm, bool both = true, string? secondHash = null)
    {
        var second = both
            ? $$""", { "id": "16045550102", "customer": "C1", "type": "debit", "sip": { "ha1_md5": "{{secondHash ?? Ha1("16045550102", hashRealm)}}" } }"""
            : string.Empty;
        var json = $$"""
            { "format": "centrex-provisioning/1",
              "switch": { "realm": "{{realm}}", "digest_algorithms": ["MD5"] },
              "customers": [ { "id": "C1", "company": "Acme", "contact": "A", "email": "a@x.example",
                 "address": { "street": "1 Main", "city": "Halifax", "province": "NS", "country": "CA", "postal_code": "B3J" },
                 "time_zone": "America/Halifax" } ],
              "accounts": [ { "id": "16045550101", "customer": "C1", "type": "credit", "sip": { "username": "alice", "ha1_md5": "{{Ha1("alice", hashRealm)}}" } } {{second}} ] }
            """;
        return ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "realm.json");
    }

    [Fact]
    public void RealmChange_WithoutEveryAccountsHashes_IsRefusedNamingTheAccountAndField_AndChangesNothing()
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        store.Import(File("old.example", "old.example"), "first.json");

        var e = Assert.Throws<ProvisioningException>(() => store.Import(File("new.example", "new.example", both: false), "realm.json"));

        Assert.Equal(
            "realm.json: accounts (id \"16045550102\"): sip.ha1_md5, sip.ha1_sha256: switch.realm changes from \"old.example\" to \"new.example\" and every HA1 is hashed with the realm: give this account's sip hashes for \"new.example\" in the same import (centrex sip-hash prints them)",
            e.Message);
        var kept = store.Load();
        Assert.Equal("old.example", kept.Switch!.Realm);
        Assert.Equal(Ha1("alice", "old.example"), kept.Accounts[0].Sip!.Ha1Md5);
    }

    [Fact]
    public void RealmChange_GivingTheStoredHashAgain_IsRefusedNamingTheField()
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        store.Import(File("old.example", "old.example"), "first.json");

        var e = Assert.Throws<ProvisioningException>(() =>
            store.Import(File("new.example", "new.example", secondHash: Ha1("16045550102", "old.example")), "realm.json"));

        Assert.StartsWith("realm.json: accounts (id \"16045550102\"): sip.ha1_md5 is the hash stored for realm \"old.example\"", e.Message, StringComparison.Ordinal);
        Assert.Equal("old.example", store.Load().Switch!.Realm);
    }

    [Fact]
    public void RealmChange_WithEveryAccountsNewHashes_IsAccepted()
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        store.Import(File("old.example", "old.example"), "first.json");

        var merged = store.Import(File("new.example", "new.example"), "realm.json");

        Assert.Equal("new.example", merged.Switch!.Realm);
        Assert.Equal([Ha1("alice", "new.example"), Ha1("16045550102", "new.example")], merged.Accounts.Select(a => a.Sip!.Ha1Md5));
    }

    [Fact]
    public void SameRealm_OrNoSipAccountsYet_NeedsNoHashes()
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        store.Import(ProvisioningJsonReader.Parse("""{ "format": "centrex-provisioning/1", "switch": { "realm": "first.example" } }"""u8.ToArray(), "settings.json"), "settings.json");
        store.Import(File("old.example", "old.example"), "first.json"); // no SIP account was stored: nothing to re-hash

        var merged = store.Import(File("old.example", "old.example", both: false), "again.json");

        Assert.Equal("old.example", merged.Switch!.Realm);
        Assert.Equal(2, merged.Accounts.Count);
    }
}
