using Centrex.Rating.Money;

namespace Centrex.Rating.Tariffs;

/// <summary>One row of a tariff: the price of calls to numbers starting with <see cref="Prefix"/>.</summary>
/// <param name="Prefix">E.164 digits the callee starts with.</param>
/// <param name="Destination">Name of the destination, e.g. "Jamaica - Mobile".</param>
/// <param name="RatePerMinute">Price per minute.</param>
/// <param name="ConnectFee">Price charged once per billed call.</param>
/// <param name="FirstIncrement">Seconds in the first billing increment (at least 1).</param>
/// <param name="NextIncrement">Seconds in each following increment (at least 1).</param>
/// <param name="Line">Line of the tariff file the row came from (0 when built in code).</param>
public sealed record TariffRow(
    string Prefix,
    string Destination,
    MicroDollars RatePerMinute,
    MicroDollars ConnectFee,
    int FirstIncrement,
    int NextIncrement,
    long Line = 0);
