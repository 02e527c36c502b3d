using System.Text;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Store;
using Centrex.Switch.CallFlows;
using Centrex.Switching;

namespace Centrex.Cli.Tests;

/// <summary>
/// Issue 15: what the switch runs for a line whose phone set its forwarding (<c>*72</c>/<c>*73</c>), from the store as
/// <c>serve</c> loads it: the phone's number in force over the provisioned list, after the account's ring time (its
/// forwarding <c>ring_for</c>, kept even while its forwarding is off); off when the phone turned it off; the
/// customer's night mode from <c>*33</c>.
/// </summary>
public sealed class PhoneForwardingDirectoryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ProvisionedSwitchDirectory Load(string forwarding, Action<ProvisioningStore> star)
    {
        var json = SwitchProvisioning.Json().Replace(
            "\"sip\": { \"ha1_md5\": \"" + SwitchProvisioning.Ha1(false, SwitchProvisioning.Prepaid) + "\" },",
            "\"sip\": { \"ha1_md5\": \"" + SwitchProvisioning.Ha1(false, SwitchProvisioning.Prepaid) + "\" }, " + forwarding, StringComparison.Ordinal);
        using var store = ProvisioningStore.Open(_folder.Path);
        store.Import(ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "test.json"), "test.json");
        star(store);
        return ProvisionedSwitchDirectory.From(store.Load(), "test");
    }

    [Fact]
    public void Star72_IsInForceOverTheProvisionedList_AfterTheAccountsRingTime()
    {
        var directory = Load("""
            "forwarding": { "mode": "follow-me", "ring_for": 30, "targets": [ { "number": "+15145550100", "ring_for": 15 } ] },
            """, store => store.SetPhoneForwarding(SwitchProvisioning.Prepaid, new Provisioning.Model.PhoneForwarding(Provisioning.Model.ForwardWhen.Unanswered, "101")));

        var line = directory.FindAccount(SwitchProvisioning.Prepaid)!;
        Assert.Equal(30, line.RingSeconds);
        Assert.Equal(LineForwarding.FromPhone(ForwardWhen.Unanswered, 30, "101").Key, line.Forwarding!.Key);
        Assert.Equal(LineForwarding.PhoneTargetRingSeconds, line.Forwarding.Targets[0].RingSeconds);
    }

    [Fact]
    public void TheAccountsRingTime_IsKeptWhileItsForwardingIsOff()
    {
        var directory = Load("""
            "forwarding": { "mode": "off", "ring_for": 12 },
            """, store => store.SetPhoneForwarding(SwitchProvisioning.Prepaid, new Provisioning.Model.PhoneForwarding(Provisioning.Model.ForwardWhen.Unanswered, "101")));

        var line = directory.FindAccount(SwitchProvisioning.Prepaid)!;
        Assert.Equal((12, ForwardWhen.Unanswered, 12), (line.RingSeconds, line.Forwarding!.When, line.Forwarding.RingSeconds));
    }

    [Fact]
    public void APhoneThatTurnedForwardingOff_HasNone_AndNightModeIsTheCustomers()
    {
        var directory = Load("""
            "forwarding": { "mode": "simple", "targets": [ { "number": "+15145550100" } ] },
            """, store =>
            {
                store.SetPhoneForwarding(SwitchProvisioning.Prepaid, Provisioning.Model.PhoneForwarding.Off);
                store.SetNightMode("acme", true);
            });

        Assert.Null(directory.FindAccount(SwitchProvisioning.Prepaid)!.Forwarding);
        Assert.True(directory.FindCustomer("acme")!.NightMode);
        Assert.NotNull(Load("""
            "forwarding": { "mode": "simple", "targets": [ { "number": "+15145550100" } ] },
            """, _ => { }).FindAccount(SwitchProvisioning.Prepaid)!.Forwarding); // without the phone's: the provisioned one
    }
}
