using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Calls;

public class RegistrarTests
{
    [Theory]
    [InlineData("MD5")]
    [InlineData("SHA-256")]
    public async Task Register_WithRightPassword_IsBound(string algorithm)
    {
        await using var fixture = new SwitchFixture();
        using var phone = new TestPhone(fixture.Endpoint, "16045550101");

        var response = Flows.Register(phone, algorithm: algorithm);

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("expires=3600", response.Text(response.Find(SipHeaderKind.Contact)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WithWrongPassword_IsChallengedAgain()
    {
        await using var fixture = new SwitchFixture();
        using var phone = new TestPhone(fixture.Endpoint, "16045550101");

        var response = Flows.Register(phone, password: "wrong");

        Assert.Equal(401, response.StatusCode);
        Assert.Equal(0, fixture.Switch.Registrations);
    }

    [Fact]
    public async Task Register_Challenge_OffersSha256BeforeMd5()
    {
        await using var fixture = new SwitchFixture();
        using var phone = new TestPhone(fixture.Endpoint, "16045550101");
        phone.Send(phone.Request("REGISTER", "sip:centrex.test", "c1", 1, "t"));

        var challenge = phone.ReceiveResponse(401);

        var values = Enumerable.Range(0, challenge.HeaderCount).Select(i => challenge.Header(i))
            .Where(h => h.Kind == SipHeaderKind.WwwAuthenticate).Select(h => challenge.Text(h.Value)).ToList();
        Assert.Equal(2, values.Count);
        Assert.Contains("algorithm=SHA-256", values[0], StringComparison.Ordinal);
        Assert.Contains("algorithm=MD5", values[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WithExpiredNonce_GetsStaleChallenge()
    {
        await using var fixture = new SwitchFixture();
        using var phone = new TestPhone(fixture.Endpoint, "16045550101");
        phone.Send(phone.Request("REGISTER", "sip:centrex.test", "c1", 1, "t"));
        var challenge = phone.ReceiveResponse(401);
        fixture.Clock.Advance(Duration.FromMinutes(6));

        var authorization = TestPhone.Authorization(challenge, SipHeaderKind.WwwAuthenticate, phone.User, SwitchFixture.Password, "REGISTER", "sip:centrex.test");
        phone.Send(phone.Request("REGISTER", "sip:centrex.test", "c1", 2, "t", extra: $"Authorization: {authorization}\r\n"));
        var stale = phone.ReceiveFinal();

        Assert.Equal(401, stale.StatusCode);
        Assert.Contains("stale=true", stale.Text(stale.Find(SipHeaderKind.WwwAuthenticate)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binding_AfterExpiry_IsGone()
    {
        await using var fixture = new SwitchFixture();
        using var phone = new TestPhone(fixture.Endpoint, "16045550101");
        Assert.Equal(200, Flows.Register(phone, expires: 60).StatusCode);

        Assert.NotNull(fixture.Switch.Lookup("16045550101"));

        fixture.Clock.Advance(Duration.FromSeconds(61));

        Assert.Null(fixture.Switch.Lookup("16045550101"));
    }

    [Fact]
    public async Task Register_FromSecondDevice_ReplacesTheFirst()
    {
        await using var fixture = new SwitchFixture();
        using var first = new TestPhone(fixture.Endpoint, "16045550101");
        using var second = new TestPhone(fixture.Endpoint, "16045550101");

        Assert.Equal(200, Flows.Register(first).StatusCode);
        Assert.Equal(200, Flows.Register(second).StatusCode);

        var binding = fixture.Switch.Lookup("16045550101");
        Assert.Equal(second.Local, binding!.Remote);
        Assert.Equal(1, fixture.Switch.Registrations);
    }

    [Fact]
    public async Task Register_WithUnknownScheme_IsChallenged()
    {
        await using var fixture = new SwitchFixture();
        using var phone = new TestPhone(fixture.Endpoint, "16045550101");

        phone.Send(phone.Request("REGISTER", "sip:centrex.test", "c1", 1, "t", extra: "Authorization: NoOneKnowsThisScheme opaque-data=here\r\n"));

        Assert.Equal(401, phone.ReceiveFinal().StatusCode);
    }
}
