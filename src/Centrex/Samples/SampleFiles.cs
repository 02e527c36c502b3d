namespace Centrex.Samples;

/// <summary>The files a sample generation wrote.</summary>
/// <param name="Tariff">Path of the tariff.</param>
/// <param name="Cdrs">Path of the CDR file.</param>
/// <param name="TariffRows">Rows in the tariff.</param>
internal sealed record SampleFiles(string Tariff, string Cdrs, int TariffRows);
