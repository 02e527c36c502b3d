using Centrex.Invoicing.Rendering;
using Centrex.Invoicing.Tests.Support;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Tests;

/// <summary>
/// Issue 17, rule 7. Seed 001, "Most of your rates are listed as fractions of a cent, but my balance is listed in whole
/// cents. How does this work?": "Your balance as displayed when you login is listed in whole cents, for example: $5.24
/// ... Our billing system actually keeps your balance with 10th's of a cent. So while your balance would show $5.24 it
/// might actually be $5.243."
/// </summary>
public sealed class DisplayedBalanceTests : IDisposable
{
    private readonly Harness _h = new() { Pdf = true };

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData(5_243, "5.24", "5.24 (exact 5.243)")]
    [InlineData(5_245, "5.25", "5.25 (exact 5.245)")]
    [InlineData(-5_245, "-5.25", "-5.25 (exact -5.245)")]
    [InlineData(5_240, "5.24", "5.24")]
    public void Balance_IsWholeCentsHalfUp_WithTheExactTenthOfACentBeside(long mills, string shown, string withExact)
    {
        Assert.Equal(shown, Amounts.Balance(new Mills(mills)));
        Assert.Equal(withExact, Amounts.BalanceWithExact(new Mills(mills)));
    }

    [Fact]
    public void Invoice_ShowsTheBalanceInCents_TheExactBalanceBeside_AndTheCsvKeepsTheMills()
    {
        _h.Import(Harness.Customer("C1", "A1").Replace("\"province\": \"ON\", \"country\": \"CA\"", "\"country\": \"US\"", StringComparison.Ordinal));
        _h.Calls.Add(Calls.International("A1", Instant.FromUtc(2026, 10, 10, 15, 0), 60, 5_243));
        var invoice = _h.Bill(new YearMonth(2026, 10)).Invoices.Single();
        Assert.Equal(new Mills(5_243), invoice.ClosingBalance);

        var text = Pdf.ToText(Path.Combine(_h.Data, "invoices", "2026-10", "000001-C1.pdf"));
        Assert.Matches(@"Balance\s+5\.24 \(exact 5\.243\)", text);
        Assert.Matches(@"Amount due by 2026-11-30\s+CAD 5\.24", text);
        var csv = File.ReadAllLines(Path.Combine(_h.Data, "invoices", "2026-10", "000001-C1.csv"));
        Assert.Contains(csv, l => l.Contains(",closing-balance,,Balance,,,,,5.243", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.Contains(",amount-due,,Amount due,,2026-11-30,,,5.240", StringComparison.Ordinal));
    }
}
