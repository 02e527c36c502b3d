using System.Globalization;
using System.Text.RegularExpressions;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// The operator's refusals on the served pages in French (issue 16: errors next to the field, in the user's language;
/// seed 004's portal is used in French in Quebec): a billing run the cycle refuses and an invoice it cannot void, a
/// discount plan the form's reader or the rating engine refuses, a payment past the most one records (its amount
/// written as French writes numbers, <c>10 000 000,00</c>). Each is in French next to its field, with no English-only
/// text on the page (<see cref="EnglishLeft"/>); the English messages are the ones other tests and the CLI read.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class FrenchOperatorRefusalsTests(PortalServer server) : IAsyncLifetime
{
    private readonly string _operator = "fro-op-" + Guid.NewGuid().ToString("N")[..8];
    private readonly EnglishLeft _english = EnglishLeft.FromResources();

    public async Task InitializeAsync()
    {
        // A CAD customer of this test's own, so a month to bill has a customer and a payment a payer.
        using (await TestCustomers.Add(server, "CUST-FRO", "fro-cust-" + Guid.NewGuid().ToString("N")[..8]))
        {
        }

        await server.AddFrenchLogin(_operator, null, "french-operator-password");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task BillingRunRefusals_AreInFrenchNextToTheirField()
    {
        using var op = await Sessions.SignedIn(server, _operator);

        var missing = await BillingPagesTests.Form(op, "/operator/billing", "Reissue", ("number", "987654321"), ("reason", "adresse erronée"));
        FrenchRefusalPagesTests.Beside(_english, missing, "number", "la facture 987654321 n'existe pas ; rien n'a été modifié");

        // A month far ahead: not over yet for a customer when nothing is billed, else not the month after the last one
        // billed (the other tests of this server bill months); refused either way, so nothing is billed.
        var ahead = await BillingPagesTests.Form(op, "/operator/billing", "Bill", ("period", "2999-01"));
        var error = FrenchRefusalPagesTests.Beside(_english, ahead, "period", " ; rien n'a été modifié");
        Assert.Matches(BillNotNow(), error);
    }

    [Fact]
    public async Task DiscountPlanFormRefusals_AreInFrenchNextToTheirField()
    {
        using var op = await Sessions.SignedIn(server, _operator);
        (string Name, string Value)[] plan =
        [
            ("existing", "false"), ("id", "DP-FRO"), ("name", "Europe"), ("group_name", "Europe"), ("prefixes", "44 33"), ("classes", ""),
            ("basis", "minutes"), ("thresholds", "60 5\n300 10"), ("precedence", "3"), ("combinable", "true"),
        ];

        async Task Refused(string field, string value, string beside, string french) =>
            FrenchRefusalPagesTests.Beside(_english, await BillingPagesTests.Form(op, "/operator/discount-plans/edit", null,
                [.. plan.Select(f => f.Name == field ? (f.Name, value) : f)]), beside, french);

        await Refused("thresholds", "60 5\n300 150", "thresholds", "le pourcentage « 150 » n'est pas entre 0 et 100 avec au plus 2 décimales");
        await Refused("thresholds", "60 5\n60 10", "thresholds", "le plan de remise « DP-FRO » indique le seuil 3600 deux fois");
        await Refused("thresholds", "", "thresholds", "le plan de remise « DP-FRO » n'a aucun seuil");
        await Refused("prefixes", "44 3a", "prefixes", "groupe de destinations « Europe » : « 3a » n'est pas un préfixe E.164 (1 à 15 chiffres)");
        await Refused("prefixes", "", "prefixes", "le groupe de destinations « Europe » n'indique ni préfixes ni classes");
        await Refused("classes", "moon", "classes", "« moon » n'est pas une classe de numéros (");
        await Refused("precedence", "high", "precedence", "le champ « precedence » doit être un nombre entier");
        await Refused("name", " ", "name", "le champ « name » est vide");
    }

    [Fact]
    public async Task ThePaymentMaximum_IsWrittenAsFrenchWritesNumbers()
    {
        using var op = await Sessions.SignedIn(server, _operator);
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var most = await BillingPagesTests.Form(op, "/operator/payments", null, ("customer", "CUST-FRO"), ("received", yesterday),
            ("amount", "20000000"), ("method", "bank-transfer"), ("kind", "payment"), ("reference", "FRO"));

        // CLDR fr: a narrow no-break space between thousands, a comma before the cents.
        FrenchRefusalPagesTests.Beside(_english, most, "amount", "au plus 10\u202F000\u202F000,00 par paiement");
    }

    [GeneratedRegex("^(2999-01 n'est pas encore terminé pour le client .+ : il se termine le .+ \\(.+\\)|.+ est la dernière période facturée : facturez d'abord .+) ; rien n'a été modifié$")]
    private static partial Regex BillNotNow();
}
