using System.Net;
using System.Text;
using Centrex.Ledger;
using Centrex.Provisioning;
using Centrex.Provisioning.Json;
using Centrex.Rating;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;
using Centrex.Switch.Authorization;
using Centrex.Switch.Calls;
using Centrex.Switch.Hooks;
using Centrex.Switch.Provisioning;
using Centrex.Switching;
using NodaTime;

namespace Centrex.Cli.Tests;

/// <summary>The switch's directory over provisioning (issue 4), and credit limits reaching balance authorization.</summary>
public sealed class ProvisionedSwitchDirectoryTests : IDisposable
{
    private static readonly Rater NorthAmerica = new(
        TariffLoader.FromRows([new TariffRow("1", "North America", new MicroDollars(60_000), new MicroDollars(0), 60, 60)]), NumberingPlan.Default);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ProvisionedSwitchDirectory Directory(string? json = null) =>
        ProvisionedSwitchDirectory.From(ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json ?? SwitchProvisioning.Json()), "test.json"), "test.json");

    private static CallInfo Outgoing(string id, string account) =>
        new(id, id + "@phone", account, null, account, "2125551234", "12125551234", CallDirection.Outgoing, "hq", false, Instant.FromUtc(2026, 11, 22, 9, 0));

    [Fact]
    public void Accounts_AreFoundByUserNameAndById_BillingOnlyLinesAreNotTheSwitchs()
    {
        var directory = Directory();

        var alice = directory.FindAccount("alice");
        Assert.NotNull(alice);
        Assert.Same(alice, directory.FindAccount(SwitchProvisioning.Limited));
        Assert.Equal(("acme", "hq", "101", "credit"), (alice.CustomerId, alice.SiteId, alice.Extension, alice.Type));
        Assert.Equal(SwitchProvisioning.Ha1(true, "alice"), alice.Ha1Sha256);
        Assert.Equal(new Mills(100), alice.CreditLimit);
        Assert.Null(directory.FindAccount(SwitchProvisioning.Prepaid)!.CreditLimit); // debit: its balance is the limit
        Assert.Equal(Mills.Zero, directory.FindAccount(SwitchProvisioning.NoCredit)!.CreditLimit);
        Assert.Null(directory.FindAccount(SwitchProvisioning.BillingOnly));
        Assert.Equal(3, directory.AccountCount);
    }

    [Fact]
    public void LookupsTheRouterMakesPerMessage_ThroughTheLiveDirectory_AllocateNothing()
    {
        var live = new Centrex.Switch.Provisioning.LiveSwitchDirectory(Directory());
        var trunk = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 5060);
        Assert.NotNull(live.FindAccount("alice".AsSpan())); // warm up: alternate lookups are made on first use
        Assert.NotNull(live.FindByDid("16045550100".AsSpan()));
        Assert.NotNull(live.FindTrunkBySource(trunk));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            _ = live.Current.FindAccount("alice".AsSpan());
            _ = live.FindByDid("16045550100".AsSpan());
            _ = live.FindTrunkBySource(trunk);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void FraudControls_AreTheAccountsOwn()
    {
        var json = SwitchProvisioning.Json().Replace("\"site\": \"hq\", \"extension\": \"101\",",
            "\"site\": \"hq\", \"extension\": \"101\", \"fraud\": { \"max_international_calls\": 1, \"max_spend_per_day\": \"5\", \"blocked_classes\": [\"premium\"] },",
            StringComparison.Ordinal);

        var directory = Directory(json);

        Assert.Equal(new Centrex.Switch.Provisioning.SwitchFraudLimits(1, null, new Centrex.Rating.Money.Mills(5_000), false, true),
            directory.FindAccount("alice")!.Fraud);
        Assert.Null(directory.FindAccount(SwitchProvisioning.Prepaid)!.Fraud);
    }

    [Fact]
    public void Did_FindsTheAccountItIsAssignedTo()
    {
        var directory = Directory();

        Assert.Equal(SwitchProvisioning.Prepaid, directory.FindByDid("16045550100")?.Id);
        Assert.Null(directory.FindByDid("16045550199"));
    }

    [Fact]
    public void TrunkBySource_AnAddressMatchesAnyPort_AndAnAddressWithoutPortIsReachedOn5060()
    {
        var directory = Directory(SwitchProvisioning.Json(trunkSources: "\"127.0.0.1\", \"127.0.0.2:5080\""));

        Assert.Equal("pstn", directory.FindTrunkBySource(new IPEndPoint(IPAddress.Loopback, 40000))?.Id);
        Assert.Equal("pstn", directory.FindTrunkBySource(IPEndPoint.Parse("127.0.0.2:5080"))?.Id);
        Assert.Null(directory.FindTrunkBySource(IPEndPoint.Parse("127.0.0.2:5081")));
        Assert.Equal("carrier", directory.FindTrunkBySource(IPEndPoint.Parse("192.0.2.1:7000"))?.Id); // no sources: its address
        Assert.Equal(IPEndPoint.Parse("192.0.2.1:5060"), directory.FindTrunk("carrier")!.Address);
        Assert.Equal(IPEndPoint.Parse("127.0.0.1:9"), directory.FindTrunk("pstn")!.Address);
    }

    [Fact]
    public void Sites_HaveTheirLimits_AndNoOrAnUnknownSiteIsTheProvisionedDefault()
    {
        var directory = Directory(SwitchProvisioning.Json(site: "\"max_outgoing\": 4, \"max_bandwidth_kbps\": 2000"));

        Assert.Equal(new SwitchSite("hq", "Head office", MaxOutgoing: 4, MaxBandwidthKbps: 2000), directory.FindSite("hq"));
        Assert.Equal(new SwitchSite("default", "Default site", MaxCalls: 5), directory.FindSite(null));
        Assert.Same(directory.FindSite(null), directory.FindSite("annex"));
    }

    [Fact]
    public void Customer_HasItsExtensionsAbbreviationsRulesAndTrunk()
    {
        var acme = Directory().FindCustomer("acme")!;

        Assert.Equal(new Dictionary<string, string> { ["101"] = SwitchProvisioning.Limited, ["102"] = SwitchProvisioning.Prepaid }, acme.Extensions);
        Assert.Equal(new Dictionary<string, string> { ["188"] = "16045550102", ["911"] = string.Empty }, acme.Abbreviated);
        Assert.Equal((Centrex.Switch.Provisioning.DialingRules.NorthAmerica, "pstn"), (acme.DialingRules, acme.TrunkId));
    }

    [Fact]
    public void Settings_AreTheProvisionedOnes_OrTheDefaults()
    {
        var provisioned = Directory();
        var defaults = Directory(SwitchProvisioning.Json().Replace("\"switch\": { \"realm\": \"centrex.test\", \"digest_algorithms\": [\"MD5\", \"SHA-256\"], \"feature_codes\": [\"*72\", \"*73\", \"*97\", \"*98\"] },", string.Empty, StringComparison.Ordinal));

        Assert.Equal("centrex.test", provisioned.Realm);
        Assert.Equal(["MD5", "SHA-256"], provisioned.DigestAlgorithms);
        Assert.Equal("centrex", defaults.Realm);
        Assert.Equal(["SHA-256", "MD5"], defaults.DigestAlgorithms);
        Assert.True(defaults.FeatureCodes.SetEquals(["*72", "*73", "*97", "*98", "*33"]));
    }

    [Fact]
    public void ASnapshotThatBreaksARule_IsRefusedNamingTheRecord()
    {
        var e = Assert.Throws<ProvisioningException>(() => Directory(SwitchProvisioning.Json().Replace("\"trunk\": \"pstn\"", "\"trunk\": \"gone\"", StringComparison.Ordinal)));

        Assert.Equal("test.json: customers (id \"acme\"): trunk \"gone\" does not exist", e.Message);
    }

    [Fact]
    public void CreditLimit_ReachesAuthorization_UnderItACallGetsWhatItCovers_PastItA402()
    {
        using var ledger = LedgerStore.Open(_folder.Path);
        var hook = new BalanceAuthorizationHook(Directory(), new CallAuthorizer(NorthAmerica, new LedgerBalanceSource(ledger)));

        var limited = hook.Authorize(Outgoing("c1", SwitchProvisioning.Limited));
        var noCredit = hook.Authorize(Outgoing("c2", SwitchProvisioning.NoCredit));
        var pastTheLimit = hook.Authorize(Outgoing("c3", SwitchProvisioning.Limited)); // c1 holds the 0.060 its minute costs

        Assert.Equal(BalanceDecision.For(Duration.FromSeconds(60)), limited); // 0.100 of credit: one whole minute of 0.060
        Assert.Equal(new BalanceDecision(false, null, 402, "insufficient funds: 0.000 available, the first 60 s to 1 North America cost 0.060"), noCredit);
        Assert.Equal(new BalanceDecision(false, null, 402, "insufficient funds: 0.040 available, the first 60 s to 1 North America cost 0.060"), pastTheLimit);
    }
}
