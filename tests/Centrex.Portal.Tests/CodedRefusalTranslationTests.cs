using System.Globalization;
using System.Net;
using System.Text;
using Centrex.Portal.Localization;
using Centrex.Portal.Tests.Support;
using Centrex.Provisioning;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Tests;

/// <summary>
/// The refusals provisioning once built from English phrases (issue 16: the portal in the user's language): a realm
/// change without the new hashes or with the stored one, fraud controls that allow and bar international calls, a
/// forward to an address the switch will not call, a custom dialing rule that is not one (its form, its replacement,
/// its pattern: a syntax error or a construct the non-backtracking engine refuses), a number the pickup prefix's feature
/// swallows, a payment past the most one records. Each is imported into a store of its own, as <c>provision import</c>
/// does; each carries a code and is shown in French whole (no English-only text left, <see cref="EnglishLeft"/>), the
/// phrase inside it too, while its English message stays the one the command line and the API give.
/// </summary>
public sealed class CodedRefusalTranslationTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("centrex-refusals-");
    private readonly EnglishLeft _english = EnglishLeft.FromResources();

    public void Dispose() => _folder.Delete(recursive: true);

    private const string Customer = """
        { "id": "C1", "company": "Acme", "contact": "A", "email": "a@x.example", "time_zone": "America/Toronto",
          "address": { "street": "1 Main", "city": "Toronto", "province": "ON", "country": "CA", "postal_code": "M5V" } {0} }
        """;

    private const string Line = """
        { "id": "L1", "customer": "C1", "type": "credit", "extension": "201", "sip": { "username": "alice", "ha1_md5": "0123456789abcdef0123456789abcdef" } {0} }
        """;

    public static TheoryData<string, string, string, string, string> Refused => new()
    {
        {
            "realm", Document(realm: "new.example", accounts: false),
            ProvisioningErrors.RealmChangeHashesMissing,
            "accounts (id \"L1\"): sip.ha1_md5, sip.ha1_sha256: switch.realm changes from \"old.example\" to \"new.example\" and every HA1 is hashed with the realm: give this account's sip hashes for \"new.example\" in the same import (centrex sip-hash prints them)",
            "switch.realm passe de « old.example » à « new.example » et chaque HA1 est haché avec le domaine : donnez les hachages sip de ce compte pour « new.example » dans la même importation"
        },
        {
            "realm", Document(realm: "new.example"),
            ProvisioningErrors.RealmChangeHashStale,
            "accounts (id \"L1\"): sip.ha1_md5 is the hash stored for realm \"old.example\": switch.realm changes from \"old.example\" to \"new.example\" and every HA1 is hashed with the realm: give the hash for \"new.example\" (centrex sip-hash prints it)",
            "sip.ha1_md5 est le hachage enregistré pour le domaine « old.example » : switch.realm passe de « old.example » à « new.example »"
        },
        {
            "fraud", Document(line: """, "fraud": { "max_international_calls": 2, "blocked_classes": ["international"] }"""),
            ProvisioningErrors.FraudInternationalBlocked,
            "accounts (id \"L1\"): fraud.max_international_calls is 2 but blocked_classes bars international calls: give one or the other",
            "fraud.max_international_calls vaut 2 mais blocked_classes interdit les appels internationaux : donnez l'un ou l'autre"
        },
        {
            "forward", Document(line: """, "forwarding": { "mode": "advanced", "targets": [ { "number": "sip:x@127.0.0.1" } ] }"""),
            ProvisioningErrors.ForwardingAddress,
            "accounts (id \"L1\"): field \"forwarding.targets[0].number\": 'sip:x@127.0.0.1' is a loopback address (the switch's own host): the switch does not forward there",
            "« sip:x@127.0.0.1 » est une adresse de bouclage (l'hôte même du commutateur) : le commutateur ne renvoie pas d'appel à cette adresse"
        },
        {
            "forward", Document(line: """, "forwarding": { "mode": "advanced", "targets": [ { "number": "sip:x@10.1.2.3:5060" } ] }"""),
            ProvisioningErrors.ForwardingAddress,
            "accounts (id \"L1\"): field \"forwarding.targets[0].number\": 'sip:x@10.1.2.3:5060' is a private address (10/8, 172.16/12, 192.168/16, 100.64/10), which the operator has not allowed for this customer: the switch does not forward there",
            "une adresse privée (10/8, 172.16/12, 192.168/16, 100.64/10), que l'opérateur n'a pas autorisée pour ce client"
        },
        {
            "rule", Document(customer: """, "dialing_rules": "custom", "dialing": { "custom_rule": "s/^9/" }"""),
            ProvisioningErrors.DialingCustomRuleForm,
            "customers (id \"C1\"): dialing: custom_rule 's/^9/' 's/^9/' is not s/PATTERN/REPLACEMENT/ (e.g. s/^9//)",
            "custom_rule « s/^9/ » : « s/^9/ » n'est pas de la forme s/MOTIF/REMPLACEMENT/"
        },
        {
            "rule", Document(customer: """, "dialing_rules": "custom", "dialing": { "custom_rule": "s/^9/x/" }"""),
            ProvisioningErrors.DialingCustomRuleReplacement,
            "customers (id \"C1\"): dialing: custom_rule 's/^9/x/' 's/^9/x/': the replacement 'x' may hold only digits, + and $1 to $9",
            "le remplacement « x » ne peut contenir que des chiffres, + et $1 à $9"
        },
        {
            "rule", Document(customer: """, "dialing_rules": "custom", "dialing": { "custom_rule": "s/1//;s/2//;s/3//;s/4//;s/5//;s/6//;s/7//;s/8//;s/9//" }"""),
            ProvisioningErrors.DialingCustomRuleCount,
            "customers (id \"C1\"): dialing: custom_rule 's/1//;s/2//;s/3//;s/4//;s/5//;s/6//;s/7//;s/8//;s/9//' has 9 substitutions, at most 8",
            "a 9 substitutions, au plus 8"
        },
        {
            "rule", Document(customer: """, "dialing_rules": "custom", "dialing": { "custom_rule": "s/(9/1/" }"""),
            ProvisioningErrors.DialingCustomRulePattern,
            "customers (id \"C1\"): dialing: custom_rule 's/(9/1/' 's/(9/1/': the pattern is not a regular expression this switch runs (Invalid pattern '(9' at offset 2. Not enough )'s.)",
            "le motif n'est pas une expression régulière que ce commutateur exécute (il manque une parenthèse fermante)"
        },
        {
            "rule", Document(customer: """, "dialing_rules": "custom", "dialing": { "custom_rule": "s/(a)\\1/1/" }"""),
            ProvisioningErrors.DialingCustomRulePattern,
            "customers (id \"C1\"): dialing: custom_rule 's/(a)\\1/1/' 's/(a)\\1/1/': the pattern is not a regular expression this switch runs (",
            "le motif n'est pas une expression régulière que ce commutateur exécute (une construction que le moteur sans retour arrière ne prend pas en charge"
        },
        {
            "prefix", Document(customer: """, "pickup_prefix": "20" """),
            ProvisioningErrors.PrefixFeatureConflict,
            "customers (id \"C1\"): field \"pickup_prefix\": extension 201 is dialed as the pickup prefix's feature: the dial plan could not tell them apart (change the prefix or the number)",
            "champ « pickup_prefix » : le poste 201 se compose comme le service du préfixe d'interception : le plan de numérotation ne pourrait pas les distinguer (changez le préfixe ou le numéro)"
        },
        {
            "payment", Document(payment: """{ "id": "P1", "customer": "C1", "received": "2026-01-05", "amount": "10000000.001", "method": "bank-transfer", "reference": "R1" }"""),
            ProvisioningErrors.PaymentTooMuch,
            "payments (id \"P1\"): amount is more than 10000000.000, the most one payment records",
            "le montant dépasse 10"
        },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void ARefusalOnceBuiltFromEnglishPhrases_HasACode_KeepsItsEnglish_AndIsShownInFrench(string what, string json, string code, string english, string french)
    {
        using (var store = ProvisioningStore.Open(_folder.FullName))
        {
            store.Import(Parse(Document()), "first.json");
        }

        var e = Assert.Throws<ProvisioningException>(() =>
        {
            using var store = ProvisioningStore.Open(_folder.FullName);
            store.Import(Parse(json), "fr.json");
        });

        Assert.StartsWith("fr.json: " + english, e.Message, StringComparison.Ordinal);
        Assert.True(e.Code == code, $"{what}: code {e.Code ?? "none"}: {e.Message}");

        var shown = InFrench(e);
        Assert.True(shown is not null, $"{what}: no French for {e.Code}: {e.Message}");
        Assert.Contains(french, shown, StringComparison.Ordinal);
        Assert.Empty(_english.In("<div class=\"field-error\">" + WebUtility.HtmlEncode(shown) + "</div>"));
    }

    // What a French page shows next to the field: the refusal noted as the portal notes it, then translated.
    private static string? InFrench(ProvisioningException e)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = PortalCultures.French;
        try
        {
            var context = new DefaultHttpContext();
            var message = e.Message["fr.json: ".Length..];
            Refusals.Note(context, message, e.Code!, e.Detail!, e.Arguments);
            return Refusals.Translate(context, message);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    // Customer C1 with line L1 (extension 201, SIP user alice with one hash: the one stored first, for old.example).
    private static string Document(string realm = "old.example", string customer = "", string line = "", bool accounts = true, string? payment = null) => $$"""
        { "format": "centrex-provisioning/1", "switch": { "realm": "{{realm}}" },
          "customers": [ {{Customer.Replace("{0}", customer, StringComparison.Ordinal)}} ],
          "accounts": [ {{(accounts ? Line.Replace("{0}", line, StringComparison.Ordinal) : string.Empty)}} ]
          {{(payment is null ? string.Empty : $", \"payments\": [ {payment} ]")}} }
        """;

    private static ProvisioningSnapshot Parse(string json) => ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "fr.json");
}
