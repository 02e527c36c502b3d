using System.Net;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Identity;

/// <summary>
/// Seed 001 "What phone number will they see?", seed 004 Identity (Hide CLI), seed 003 (h, c1, c2): what a trunk sees of
/// a line's call, with a real UDP trunk and phones against the running switch.
/// </summary>
public sealed class CallerIdTests
{
    [Fact]
    public async Task CallToTrunk_ShowsTheLinesFirstDid_AssertedWithPai_NeverTheAccountId()
    {
        var invite = await TrunkSees(IdentityDirectory.Automatic, "2125550123");

        Assert.Equal("+16045550111", invite.Text(invite.From.Uri.User));
        Assert.StartsWith("<sip:+16045550111@", Header(invite, "P-Asserted-Identity"), StringComparison.Ordinal);
        Assert.Null(HeaderOrNull(invite, "Privacy"));
        Assert.DoesNotContain(IdentityDirectory.Automatic, invite.Text(new TextRange(0, invite.Length)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2125550123c1", "+16045550111")]
    [InlineData("2125550123c2", "+16045550112")]
    [InlineData("2125550123C2", "+16045550112")]
    public async Task CSuffix_ChoosesTheCallerIdAmongTheLinesDids_AndIsNotDialed(string dialed, string shown)
    {
        var invite = await TrunkSees(IdentityDirectory.Automatic, dialed);

        Assert.Equal(shown, invite.Text(invite.From.Uri.User));
        Assert.Contains($"<sip:{shown}@", Header(invite, "P-Asserted-Identity"), StringComparison.Ordinal);
        Assert.Equal("12125550123", invite.Text(invite.RequestUri.User));
    }

    [Theory]
    [InlineData("2125550123h", null)] // seed 003: "after number add h"
    [InlineData("*672125550123", null)] // the line's hide prefix
    [InlineData("2125550123", "Privacy: id\r\n")] // the phone asks (automatic: "the privacy headers provided by an IP phone")
    [InlineData("2125550123c2h", null)]
    public async Task Automatic_HidesWhenTheCallAsks_AnonymousFromWithPrivacyId_AndThePaiStillTellsTheTrunk(string dialed, string? extra)
    {
        var invite = await TrunkSees(IdentityDirectory.Automatic, dialed, extra);

        Assert.Equal("anonymous", invite.Text(invite.From.Uri.User));
        Assert.Equal("anonymous.invalid", invite.Text(invite.From.Uri.Host));
        Assert.Equal("Anonymous", invite.Text(invite.From.DisplayName).Trim('"'));
        Assert.Equal("id", Header(invite, "Privacy"));
        Assert.StartsWith(dialed.Contains("c2", StringComparison.Ordinal) ? "<sip:+16045550112@" : "<sip:+16045550111@", Header(invite, "P-Asserted-Identity"), StringComparison.Ordinal);
        Assert.Equal("12125550123", invite.Text(invite.RequestUri.User));
    }

    [Fact]
    public async Task Automatic_ShowPrefix_ShowsEvenWhenThePhoneAsksForPrivacy()
    {
        var invite = await TrunkSees(IdentityDirectory.Automatic, "*822125550123", "Privacy: id\r\n");

        Assert.Equal("+16045550111", invite.Text(invite.From.Uri.User));
        Assert.Null(HeaderOrNull(invite, "Privacy"));
        Assert.Equal("12125550123", invite.Text(invite.RequestUri.User));
    }

    [Fact]
    public async Task Always_HidesEveryCall_StillAssertingTheDidToTheTrunk()
    {
        var invite = await TrunkSees(IdentityDirectory.AlwaysHidden, "2125550123");

        Assert.Equal("anonymous", invite.Text(invite.From.Uri.User));
        Assert.Equal("id", Header(invite, "Privacy"));
        Assert.StartsWith("<sip:+16045550122@", Header(invite, "P-Asserted-Identity"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Never_ShowsTheNumber_WhateverTheSuffixOrThePhoneAsks()
    {
        var invite = await TrunkSees(IdentityDirectory.NeverHidden, "2125550123h", "Privacy: id\r\n");

        Assert.Equal("+16045550133", invite.Text(invite.From.Uri.User));
        Assert.Null(HeaderOrNull(invite, "Privacy"));
        Assert.Equal("12125550123", invite.Text(invite.RequestUri.User));
    }

    [Fact]
    public async Task LineWithoutDid_IsSentAsUnavailable_NotAsItsAccountId()
    {
        var invite = await TrunkSees(IdentityDirectory.NoDid, "2125550123");

        Assert.Equal("anonymous", invite.Text(invite.From.Uri.User));
        Assert.Null(HeaderOrNull(invite, "P-Asserted-Identity"));
        Assert.DoesNotContain(IdentityDirectory.NoDid, invite.Text(new TextRange(0, invite.Length)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LineWithoutDid_ShowsItsCustomersMainNumber_WhenTheCustomerHasOne()
    {
        var invite = await TrunkSees(IdentityDirectory.NoDid, "2125550123", customerCallerId: "\"+16045550112\"");

        Assert.Equal("+16045550112", invite.Text(invite.From.Uri.User));
        Assert.StartsWith("<sip:+16045550112@", Header(invite, "P-Asserted-Identity"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CSuffixBeyondTheLinesDids_IsRefused403NamingIt()
    {
        using var trunk = new TestPhone(new IPEndPoint(IPAddress.Loopback, 9), "trunk");
        await using var fixture = new SwitchFixture(directoryJson: IdentityDirectory.Json(trunk.Local));
        using var phone = new TestPhone(fixture.Endpoint, IdentityDirectory.Automatic);

        Flows.Invite(phone, "2125550123c3");

        var final = phone.ReceiveFinal();
        Assert.Equal(403, final.StatusCode);
        Assert.Contains("caller ID c3: the line has 2 numbers", final.Text(final.ReasonPhrase), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallToAnotherCustomersDid_ShowsTheDid_AndHiddenArrivesAnonymous()
    {
        using var trunk = new TestPhone(new IPEndPoint(IPAddress.Loopback, 9), "trunk");
        await using var fixture = new SwitchFixture(directoryJson: IdentityDirectory.Json(trunk.Local));
        using var caller = new TestPhone(fixture.Endpoint, IdentityDirectory.Automatic);
        using var callee = new TestPhone(fixture.Endpoint, IdentityDirectory.Other);
        Assert.Equal(200, Flows.Register(callee).StatusCode);

        Flows.Invite(caller, "7785550211");
        var (shown, _) = callee.ReceiveRequest("INVITE");
        Assert.Equal("+16045550111", shown.Text(shown.From.Uri.User));
        callee.Send(callee.Response(shown, 486, "Busy Here", "c1"));
        Assert.Equal(486, caller.ReceiveFinal().StatusCode);

        Flows.Invite(caller, "7785550211h");
        var (hidden, _) = callee.ReceiveRequest("INVITE");
        Assert.Equal("anonymous", hidden.Text(hidden.From.Uri.User));
        Assert.DoesNotContain("16045550111", hidden.Text(new TextRange(0, hidden.Length)), StringComparison.Ordinal);
        callee.Send(callee.Response(hidden, 486, "Busy Here", "c2"));
        Assert.Equal(486, caller.ReceiveFinal().StatusCode);
    }

    /// <summary>The INVITE the trunk gets when <paramref name="line"/> dials <paramref name="dialed"/>; the trunk then refuses it.</summary>
    private static async Task<SipMessage> TrunkSees(string line, string dialed, string? extra = null, string customerCallerId = "null")
    {
        using var trunk = new TestPhone(new IPEndPoint(IPAddress.Loopback, 9), "trunk");
        await using var fixture = new SwitchFixture(directoryJson: IdentityDirectory.Json(trunk.Local, customerCallerId: customerCallerId));
        trunk.Retarget(fixture.Endpoint);
        using var phone = new TestPhone(fixture.Endpoint, line);

        Invite(phone, dialed, extra);
        var (invite, _) = trunk.ReceiveRequest("INVITE");
        trunk.Send(trunk.Response(invite, 486, "Busy Here", "t1"));
        Assert.Equal(486, phone.ReceiveFinal().StatusCode);
        return invite;
    }

    /// <summary>An authenticated INVITE with <paramref name="extra"/> header lines (a phone's own Privacy header).</summary>
    internal static void Invite(TestPhone phone, string dialed, string? extra)
    {
        var callId = Guid.NewGuid().ToString("N");
        var uri = $"sip:{dialed}@{SwitchFixture.Realm}";
        phone.Send(phone.Request("INVITE", uri, callId, 1, "a1", extra: extra, body: Flows.Sdp));
        var challenge = phone.ReceiveResponse(407);
        phone.Send(Flows.AckFor(phone, challenge, uri));
        var authorization = TestPhone.Authorization(challenge, SipHeaderKind.ProxyAuthenticate, phone.User, SwitchFixture.Password, "INVITE", uri);
        phone.Send(phone.Request("INVITE", uri, callId, 2, "a1", extra: $"Proxy-Authorization: {authorization}\r\n{extra}", body: Flows.Sdp));
    }

    internal static string Header(SipMessage message, string name) =>
        HeaderOrNull(message, name) ?? throw new Xunit.Sdk.XunitException($"no {name} header in:\n{message.Text(new TextRange(0, message.Length))}");

    internal static string? HeaderOrNull(SipMessage message, string name)
    {
        for (var i = 0; i < message.HeaderCount; i++)
        {
            ref readonly var h = ref message.Header(i);
            if (message.Text(h.Name).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return message.Text(h.Value);
            }
        }

        return null;
    }
}
