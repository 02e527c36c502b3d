namespace Centrex.Provisioning.Model;

/// <summary>
/// Where the service is used: it decides the sales taxes (provider FAQ, "What taxes do you charge?": by the service
/// address entered for E911).
/// </summary>
/// <param name="Street">Street address.</param>
/// <param name="City">City.</param>
/// <param name="Province">Two-letter Canadian province or territory code (AB, BC, ...) or null outside Canada.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code (CA, US, ...).</param>
/// <param name="PostalCode">Postal or ZIP code.</param>
public sealed record ServiceAddress(string Street, string City, string? Province, string Country, string PostalCode)
{
    /// <summary>Whether the address is in Canada.</summary>
    public bool InCanada => Country == "CA";
}
