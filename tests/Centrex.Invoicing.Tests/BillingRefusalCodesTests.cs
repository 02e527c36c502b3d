using System.Globalization;
using System.Xml.Linq;
using Centrex.Invoicing.Cycle;
using Centrex.Invoicing.Tests.Support;
using NodaTime;

namespace Centrex.Invoicing.Tests;

/// <summary>
/// Every refusal of a billing run or a reissue carries its stable code (<see cref="BillingErrors"/>) and the values its
/// message is made of, and its English message is unchanged (<c>centrex bill</c> and <c>centrex invoice reissue</c>
/// print it; other tools read it): it is exactly the portal's English text of the code (<c>refusal.CODE</c> in
/// PortalText.resx) with those values, which is what lets the operator's billing page show it in French (issue 16).
/// </summary>
public sealed class BillingRefusalCodesTests : IDisposable
{
    private static readonly YearMonth October = new(2026, 10);
    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, string> _english = PortalRefusals();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void EveryRefusal_HasItsCode_AndTheEnglishItAlwaysHad()
    {
        Billing.ImportSample(_folder.Path);
        BillingCycle At(int year, int month, int day) => Billing.Cycle(_folder.Path, [], FixedClock.At(year, month, day));

        var open = Refused(BillingErrors.PeriodOpen, () => At(2026, 10, 31).Run(October));
        Assert.StartsWith("2026-10 is not over yet for customer ", open.Message, StringComparison.Ordinal);
        At(2026, 11, 5).Run(October);
        Assert.Equal("2026-09 comes before 2026-10, the last period billed; issued periods are closed",
            Refused(BillingErrors.PeriodClosed, () => At(2026, 11, 5).Run(October.PlusMonths(-1))).Message);
        Assert.Equal("2026-10 was the last period billed: bill 2026-11 first",
            Refused(BillingErrors.PeriodSkipped, () => At(2027, 1, 5).Run(October.PlusMonths(2))).Message);

        var november = Path.Combine(_folder.Path, "invoices", "2026-11");
        Directory.CreateDirectory(november);
        Assert.Equal($"{november} exists but 2026-11 has not been billed: move it away first (billing never overwrites invoice files)",
            Refused(BillingErrors.FolderExists, () => At(2026, 12, 5).Run(October.PlusMonths(1))).Message);
        Directory.Delete(november);
        var second = At(2026, 12, 5).Run(October.PlusMonths(1));

        Assert.Equal("invoice 999 does not exist", Refused(BillingErrors.InvoiceMissing, () => At(2026, 12, 6).VoidAndReissue(999, "x")).Message);
        var latest = second.Invoices[0];
        var notLatest = Refused(BillingErrors.InvoiceNotLatest, () => At(2026, 12, 6).VoidAndReissue(latest.Number - second.Invoices.Count, "x"));
        Assert.Equal($"invoice {latest.Number - second.Invoices.Count} is not customer {latest.Customer.Id}'s latest invoice ({latest.Number}); reissue from the latest back", notLatest.Message);
        At(2026, 12, 6).VoidAndReissue(latest.Number, "wrong address");
        Assert.Equal($"invoice {latest.Number} is void already", Refused(BillingErrors.InvoiceVoid, () => At(2026, 12, 6).VoidAndReissue(latest.Number, "again")).Message);
    }

    // The refusal, with its code, whose message is the code's English text with its values.
    private BillingException Refused(string code, Action act)
    {
        var e = Assert.Throws<BillingException>(act);
        Assert.Equal(code, e.Code);
        Assert.True(_english.TryGetValue("refusal." + code, out var text), $"no refusal.{code} in PortalText.resx");
        Assert.Equal(e.Message, string.Format(CultureInfo.InvariantCulture, text, [.. e.Arguments]));
        return e;
    }

    private static Dictionary<string, string> PortalRefusals()
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(SampleFile.Path))!;
        return XDocument.Load(Path.Combine(root, "src", "Portal", "Localization", "PortalText.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);
    }
}
