namespace Centrex.Switch.Provisioning;

/// <summary>
/// Where a line's phone is, for emergency services (seed 001 E911: "the service address entered for E911"): sent with
/// every emergency call it makes as a civic address (RFC 4119 PIDF-LO with RFC 5139 civic fields, by value: RFC 6442).
/// </summary>
/// <param name="Street">House number and street.</param>
/// <param name="City">City.</param>
/// <param name="Province">State or province code, or null.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code.</param>
/// <param name="PostalCode">Postal or ZIP code.</param>
public sealed record EmergencyLocation(string Street, string City, string? Province, string Country, string PostalCode);
