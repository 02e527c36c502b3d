using NodaTime;

namespace Centrex.Provisioning.Model;

/// <summary>An account's subscription to a plan, in force from <see cref="Start"/> through <see cref="End"/> (inclusive).</summary>
/// <param name="Id">Unique id.</param>
/// <param name="AccountId">The account.</param>
/// <param name="ProductId">The plan.</param>
/// <param name="Start">First day of service, in the customer's zone.</param>
/// <param name="End">Last day of service, or null while it runs.</param>
/// <param name="Replaces">
/// The subscription this one replaces (a plan change), or null. An upgrade may start on any day; a downgrade starts on
/// the 1st, because a change to a lower-priced plan takes effect at the end of the cycle (provider FAQ, "Can I change
/// my rate plans?").
/// </param>
/// <param name="Did">
/// The phone number (E.164 digits) a number product's monthly fee is for (seed 004, DIDs: "Monthly charges"), or null.
/// </param>
public sealed record Subscription(string Id, string AccountId, string ProductId, LocalDate Start, LocalDate? End, string? Replaces, string? Did = null);
