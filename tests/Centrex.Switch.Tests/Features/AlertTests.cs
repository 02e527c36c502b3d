using System.Text;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Features;

/// <summary>
/// Issue 15: the callee's INVITE says how to ring. A call between the customer's own phones carries the internal ring
/// (RFC 7462 <c>urn:alert:source:internal</c>, seed 004's Ext-to-Ext distinctive ring), a call from the trunk does not;
/// a paged extension is told to answer at once.
/// </summary>
public sealed class AlertTests : IAsyncLifetime
{
    private readonly SwitchFixture _fixture = new(trunk: new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 9));
    private readonly TestPhone _alice;
    private readonly TestPhone _bob;

    public AlertTests()
    {
        _alice = new TestPhone(_fixture.Endpoint, "16045550101");
        _bob = new TestPhone(_fixture.Endpoint, "16045550102");
    }

    // xUnit 2 disposes a test class through IAsyncLifetime, not IAsyncDisposable: without it nothing here ran.

    public Task InitializeAsync() => Task.CompletedTask;


    public async Task DisposeAsync()
    {
        _alice.Dispose();
        _bob.Dispose();
        await _fixture.DisposeAsync();
    }

    [Fact]
    public void ExtensionToExtension_CarriesTheInternalRing_AndNoAutoAnswer()
    {
        var invite = Flows.CallBob(_alice, _bob);
        var text = Encoding.UTF8.GetString(invite.Bytes);
        Assert.Contains("Alert-Info: <urn:alert:source:internal>\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("answer-after", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PagingPrefix_TheExtensionIsToldToAnswerAtOnce()
    {
        Flows.Register(_bob);
        Flows.Invite(_alice, "*80102");
        var text = Encoding.UTF8.GetString(_bob.ReceiveRequest("INVITE").Message.Bytes);
        Assert.Contains(";answer-after=0\r\n", text, StringComparison.Ordinal);
        Assert.Contains("info=alert-autoanswer", text, StringComparison.Ordinal);
        Assert.Contains("Answer-Mode: Auto\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("urn:alert:source:internal", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PagingPrefix_BeforeSomethingNotAnExtension_IsNotFound()
    {
        Flows.Invite(_alice, "*80999");
        Assert.Equal(404, _alice.ReceiveFinal().StatusCode);
    }

    [Fact]
    public void FromTheTrunk_NoInternalRing()
    {
        Flows.Register(_bob);
        using var trunk = new TestPhone(_fixture.Endpoint, "carrier");
        var directory = JsonSwitchDirectory.Parse(SwitchFixture.DirectoryJson(trunk.Local), "test");
        _fixture.Live.Replace(directory);
        trunk.Send(trunk.Request("INVITE", "sip:16045550100@centrex.test", Guid.NewGuid().ToString("N"), 1, "t1", body: Flows.Sdp));
        var invite = _bob.ReceiveRequest("INVITE").Message;
        Assert.DoesNotContain("Alert-Info", Encoding.UTF8.GetString(invite.Bytes), StringComparison.Ordinal);
    }
}
