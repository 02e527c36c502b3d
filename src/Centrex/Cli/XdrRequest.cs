namespace Centrex.Cli;

/// <summary>What <c>centrex report xdr</c> was asked for, checked by its options' parsers and validators.</summary>
/// <param name="Data">Data directory.</param>
/// <param name="Customer">Customer id, or null.</param>
/// <param name="Account">Account id, or null.</param>
/// <param name="From">First day, YYYY-MM-DD.</param>
/// <param name="To">Last day included, YYYY-MM-DD.</param>
/// <param name="Format">csv, xlsx or pdf.</param>
/// <param name="Output">File to write.</param>
internal sealed record XdrRequest(string Data, string? Customer, string? Account, NodaTime.LocalDate From, NodaTime.LocalDate To, string Format, string Output);
