namespace Centrex.Invoicing.Rendering;

/// <summary>The provider printed at the top of invoices and reports.</summary>
/// <param name="Name">Legal name.</param>
/// <param name="AddressLines">Postal address lines.</param>
/// <param name="Contact">Web or e-mail for billing questions.</param>
/// <param name="TaxRegistration">GST/HST and QST registration numbers, as required on Canadian invoices.</param>
public sealed record ProviderInfo(string Name, IReadOnlyList<string> AddressLines, string Contact, string TaxRegistration)
{
    /// <summary>The demo provider.</summary>
    public static ProviderInfo Default { get; } = new(
        "Centrex Communications Inc.",
        ["1200 McGill College Avenue, Suite 1600", "Montréal, QC  H3B 4G7", "Canada"],
        "billing@centrex.example · self-care portal: Billing Information › Invoices",
        "GST/HST 81234 5678 RT0001 · QST 1219876543 TQ0001");
}
