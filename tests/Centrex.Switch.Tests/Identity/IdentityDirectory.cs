using System.Net;
using Centrex.Switch.Registration;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Identity;

/// <summary>
/// Lines of one customer with DIDs and identity settings, and a second customer whose line calls across: 101 has two
/// DIDs and is automatic with *67 / *82; 102 always hides; 103 never may; 104 has no DID; 201 is another customer's.
/// </summary>
internal static class IdentityDirectory
{
    public const string Automatic = "16045550101";
    public const string AlwaysHidden = "16045550102";
    public const string NeverHidden = "16045550103";
    public const string NoDid = "16045550104";
    public const string Other = "17785550201";

    public static string Json(IPEndPoint trunk, string screening101 = "null", string customerScreening = "null", string identity101 = """{ "hidePrefix": "*67", "showPrefix": "*82" }""", string customerCallerId = "null")
    {
        static string Account(string id, string customer, string ext, string identity = "null", string screening = "null") =>
            $$"""{ "id": "{{id}}", "customer": "{{customer}}", "extension": "{{ext}}", "username": "{{id}}", "ha1Md5": "{{DigestAuthenticator.Ha1(false, id, SwitchFixture.Realm, SwitchFixture.Password)}}", "type": "credit", "identity": {{identity}}, "screening": {{screening}} }""";
        return $$"""
        {
          "realm": "{{SwitchFixture.Realm}}",
          "digestAlgorithms": ["MD5"],
          "trunks": [ { "id": "pstn", "address": "{{trunk}}", "sources": ["{{trunk}}"] } ],
          "customers": [ { "id": "acme", "dialingRules": "north-america", "trunk": "pstn", "screening": {{customerScreening}}, "callerId": {{customerCallerId}} },
                         { "id": "globex", "dialingRules": "north-america", "trunk": "pstn" } ],
          "accounts": [ {{Account(Automatic, "acme", "101", identity101, screening101)}},
                        {{Account(AlwaysHidden, "acme", "102", """{ "hideCli": "always" }""")}},
                        {{Account(NeverHidden, "acme", "103", """{ "hideCli": "never" }""")}},
                        {{Account(NoDid, "acme", "104")}},
                        {{Account(Other, "globex", "201")}} ],
          "dids": [ { "number": "16045550111", "account": "{{Automatic}}" }, { "number": "16045550112", "account": "{{Automatic}}" },
                    { "number": "16045550122", "account": "{{AlwaysHidden}}" }, { "number": "16045550133", "account": "{{NeverHidden}}" },
                    { "number": "17785550211", "account": "{{Other}}" } ]
        }
        """;
    }
}
