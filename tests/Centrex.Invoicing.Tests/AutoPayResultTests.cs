using Centrex.Invoicing.Payments;
using Centrex.Rating.Money;

namespace Centrex.Invoicing.Tests;

/// <summary>An auto-pay run's result adds money within a currency only: a sum of dollars and yen is no amount.</summary>
public sealed class AutoPayResultTests
{
    [Fact]
    public void Plus_AddsAmountsWithinEachCurrency_AndCountsAll()
    {
        var result = AutoPayResult.None
            .Plus(AutoPayResult.OneApproved("JPY", new Mills(126_000)))
            .Plus(AutoPayResult.OneApproved("CAD", new Mills(140)))
            .Plus(AutoPayResult.OneDeclined)
            .Plus(AutoPayResult.OneApproved("CAD", new Mills(25_000)));

        Assert.Equal((3, 1), (result.Approved, result.Declined));
        Assert.Equal([("CAD", new Mills(25_140)), ("JPY", new Mills(126_000))], result.Charged.Select(c => (c.Key, c.Value)));
        Assert.Equal(AutoPayResult.OneApproved("CAD", new Mills(140)), AutoPayResult.None.Plus(AutoPayResult.OneApproved("CAD", new Mills(140))));
        Assert.NotEqual(AutoPayResult.OneApproved("CAD", new Mills(140)), AutoPayResult.OneApproved("USD", new Mills(140)));
    }
}
