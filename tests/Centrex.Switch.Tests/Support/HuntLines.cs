using System.Net;
using Centrex.Switch.CallFlows;
using Centrex.Switch.Registration;
using Centrex.Switch.Sip;

namespace Centrex.Switch.Tests.Support;

/// <summary>
/// A customer ("acme") whose caller is extension 101 and whose group members are the extensions asked for, each line
/// 1604555 and its extension padded to four digits; phones that answer a group's INVITEs the way a test tells them.
/// </summary>
internal static class HuntLines
{
    public const string Caller = "16045550101";

    /// <summary>The line of <paramref name="extension"/>.</summary>
    public static string Line(string extension) => "1604555" + extension.PadLeft(4, '0');

    /// <summary>The switch directory: the caller and one line per extension, all on one site.</summary>
    public static string DirectoryJson(IEnumerable<string> extensions)
    {
        static string Account(string id, string extension) =>
            $$"""{ "id": "{{id}}", "customer": "acme", "site": "hq", "extension": "{{extension}}", "username": "{{id}}", "ha1Md5": "{{DigestAuthenticator.Ha1(false, id, SwitchFixture.Realm, SwitchFixture.Password)}}", "type": "credit" }""";
        var lines = string.Join(", ", extensions.Select(e => Account(Line(e), e)));
        var trunk = new IPEndPoint(IPAddress.Loopback, 9);
        return $$"""
        {
          "realm": "{{SwitchFixture.Realm}}",
          "digestAlgorithms": ["MD5"],
          "sites": [ { "id": "hq", "name": "Head office", "maxCalls": 200 } ],
          "trunks": [ { "id": "pstn", "address": "{{trunk}}", "sources": ["{{trunk}}"] } ],
          "customers": [ { "id": "acme", "dialingRules": "north-america", "trunk": "pstn" } ],
          "accounts": [ {{Account(Caller, "101")}}, {{lines}} ]
        }
        """;
    }

    /// <summary>A group of the extensions, in that order, each ringing <paramref name="ringSeconds"/>.</summary>
    public static HuntGroupPlan Group(SwitchFixture fixture, string number, HuntSequence sequence, string[] extensions, string[]? groups = null, int ringSeconds = 10) =>
        new("acme", number, "Group " + number, sequence, HuntCallerId.Keep, false, null,
            [.. extensions.Select(e => FeatureDirectory.Member(fixture.Directory, "acme", e, ringSeconds))], groups ?? []);

    /// <summary>A phone answers its ringing INVITE busy (486) and takes the ACK: the group goes on to its next member at once.</summary>
    public static void Busy(TestPhone phone)
    {
        var invite = phone.ReceiveRequest("INVITE").Message;
        phone.Send(phone.Response(invite, 486, "Busy Here", "busy"));
        phone.ReceiveRequest("ACK");
    }

    /// <summary>A phone answers its ringing INVITE (200 with SDP) and the caller's side acknowledges; returns the caller's 200.</summary>
    public static SipMessage Answer(TestPhone phone, TestPhone caller, string tag)
    {
        var invite = phone.ReceiveRequest("INVITE").Message;
        phone.Send(phone.Response(invite, 200, "OK", tag, Flows.Sdp));
        var ok = caller.ReceiveResponse(200);
        caller.Send(Flows.InDialog(caller, ok, "ACK", 2));
        phone.ReceiveRequest("ACK");
        return ok;
    }

    /// <summary>The caller hangs up an answered call; the answering phone takes the BYE.</summary>
    public static void HangUp(TestPhone caller, SipMessage ok, TestPhone answered)
    {
        caller.Send(Flows.InDialog(caller, ok, "BYE", 3));
        var bye = answered.ReceiveRequest("BYE").Message;
        answered.Send(answered.Response(bye, 200, "OK", string.Empty));
        caller.ReceiveResponse(200);
    }

    /// <summary>The caller's final response to a group nobody answered, acknowledged; returns its status.</summary>
    public static int Final(TestPhone caller, string dialed)
    {
        var final = caller.ReceiveFinal();
        caller.Send(Flows.AckFor(caller, final, $"sip:{dialed}@{SwitchFixture.Realm}"));
        return final.StatusCode;
    }
}
