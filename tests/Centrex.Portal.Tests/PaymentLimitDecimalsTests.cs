using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Review of issue 16: the payment limits were written with three decimals whatever the currency
/// (<c>"minimum":"5.000"</c> for a CAD customer, the operator's <c>at most 10000000.000 in one payment</c>) although a CAD
/// amount with a third decimal is refused. They are written as the currency writes its amounts (ISO 4217 minor units).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PaymentLimitDecimalsTests(PortalServer server)
{
    [Fact]
    public async Task PaymentLimits_AreInTheCurrencysDecimals_OverTheApiAndInTheOperatorsRefusal()
    {
        using var cad = await TestCustomers.Add(server, "CUST-PLC", "cust-plc");
        using var jpy = await TestCustomers.Add(server, "CUST-PLJ", "cust-plj", "JPY");

        var dollars = await cad.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/payments");
        Assert.Equal("5.00", dollars.GetProperty("minimum").GetString());
        Assert.Equal("10000.00", dollars.GetProperty("maximum").GetString());
        var yen = await jpy.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/payments");
        Assert.Equal("5", yen.GetProperty("minimum").GetString());
        Assert.Equal("10000", yen.GetProperty("maximum").GetString());

        using var op = await Sessions.SignedIn(server, "operator");
        var refused = await BillingPagesTests.Form(op, "/operator/payments", null, ("customer", "CUST-PLC"), ("received", "2026-12-01"),
            ("amount", "10000000.01"), ("method", "bank-transfer"), ("kind", "payment"), ("reference", "TOO MUCH"));
        Assert.Contains("id=\"amount-error\">at most 10,000,000.00 in one payment", refused, StringComparison.Ordinal);
    }
}
