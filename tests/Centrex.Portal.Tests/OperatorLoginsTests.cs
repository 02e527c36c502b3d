using System.Net;
using System.Text.RegularExpressions;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// The operator's logins page (issue 16: "password change and reset by the operator", "login lockout"): a customer
/// login made from the page signs in with the password shown once; locked out after 5 wrong passwords, it gets back in
/// with the password of the operator's reset, which also ends its open session; an unknown customer is named.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class OperatorLoginsTests(PortalServer server)
{
    [Fact]
    public async Task TheOperator_MakesALogin_AndItsResetLiftsALockout_AndEndsItsSessions()
    {
        using var op = await Sessions.SignedIn(server, "operator");

        var unknown = await BillingPagesTests.Form(op, "/operator/logins", "Add", ("login", "made-bc"), ("role", "customer"), ("customer", "CUST-NOBODY"));
        Assert.Contains("id=\"customer-error\">not a provisioned customer", unknown, StringComparison.Ordinal);
        var made = await BillingPagesTests.Form(op, "/operator/logins", "Add", ("login", "made-bc"), ("role", "customer"), ("customer", "CUST-BC"));
        var first = NewPassword().Match(made).Groups[1].Value;
        Assert.Equal(16, first.Length);
        Assert.Contains("<td>made-bc</td><td>customer</td><td>CUST-BC</td>", made, StringComparison.Ordinal);

        using var bc = new PortalClient(server.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await bc.LoginAsync("made-bc", first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bc.Http.GetAsync("/customer")).StatusCode);
        using var guesser = new PortalClient(server.BaseAddress);
        for (var i = 0; i < 5; i++)
        {
            await guesser.LoginAsync("made-bc", "not-the-password");
        }

        Assert.Contains("locked", await (await guesser.LoginAsync("made-bc", first)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<td>made-bc</td><td>customer</td><td>CUST-BC</td>\n            <td>until ", await op.Http.GetStringAsync("/operator/logins"), StringComparison.Ordinal);

        var reset = await BillingPagesTests.Form(op, "/operator/logins", "Reset", ("login", "made-bc"));
        var second = NewPassword().Match(reset).Groups[1].Value;
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Found, (await bc.Http.GetAsync("/customer")).StatusCode); // its session was ended
        Assert.Equal(HttpStatusCode.Found, (await guesser.LoginAsync("made-bc", second)).StatusCode);

        using var qc = await Sessions.SignedIn(server, "cust-qc");
        Assert.Equal(HttpStatusCode.Forbidden, (await qc.Http.GetAsync("/operator/logins")).StatusCode);
    }

    [GeneratedRegex("<code id=\"new-password\">([A-Za-z0-9_-]+)</code>")]
    private static partial Regex NewPassword();
}
