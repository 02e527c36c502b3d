using Centrex.Rating.Money;

namespace Centrex.Provisioning.Model;

/// <summary>
/// A rate centre and its local calling area (seed 000, "Free Local Calling": "All calling plans include free local
/// calling the local area or your incoming DID"): the NANP prefixes (<c>1</c> + NPA or NPA-NXX) that are local to it, and
/// the rate local calls pay (free unless given). Customers and accounts name the rate centre whose area is local to them.
/// </summary>
/// <param name="Id">Unique id.</param>
/// <param name="Name">Name, e.g. "Montréal".</param>
/// <param name="Prefixes">E.164 digit prefixes starting with 1 (<c>1514</c>, <c>1438555</c>).</param>
/// <param name="RatePerMinute">Rate of a local call; 0 is free.</param>
public sealed record RateCentre(string Id, string Name, IReadOnlyList<string> Prefixes, MicroDollars RatePerMinute);
