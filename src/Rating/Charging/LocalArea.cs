using Centrex.Rating.Money;

namespace Centrex.Rating.Charging;

/// <summary>
/// A rate centre's local calling area: the NANP prefixes (<c>1</c> + NPA, or NPA-NXX: <c>1514555</c>) a call may go to
/// and still be local, and the rate local calls pay (seed 000: free local calling, so 0 unless the operator says).
/// </summary>
/// <param name="Id">The rate centre's id.</param>
/// <param name="Prefixes">E.164 digit prefixes starting with 1.</param>
/// <param name="RatePerMinute">The local rate; 0 is free.</param>
public sealed record LocalArea(string Id, IReadOnlyList<string> Prefixes, MicroDollars RatePerMinute);
