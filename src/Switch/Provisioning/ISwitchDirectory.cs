using System.Net;
using Centrex.Switch.CallFlows;

namespace Centrex.Switch.Provisioning;

/// <summary>
/// What the switch needs to know about customers: accounts and credentials, extensions, DIDs, abbreviated dialing,
/// dialing rules, trunks and sites. The host implements it over the shared provisioning store (issue 4: one store, one
/// format), so the switch does not depend on how provisioning is kept.
/// </summary>
public interface ISwitchDirectory
{
    /// <summary>
    /// The directory as it is now, whole: a fixed directory is itself; a live one (<see cref="LiveSwitchDirectory"/>)
    /// gives the snapshot in force, which later provisioning changes never alter. Read it once per message and ask
    /// that, so one message (an INVITE and the call it starts) sees one provisioning state, never a mix of two.
    /// </summary>
    ISwitchDirectory Current => this;

    /// <summary>The digest realm (RFC 3261 §22.1).</summary>
    string Realm { get; }

    /// <summary>Digest algorithms offered in challenges, most preferred first (RFC 8760 §2.4): "SHA-256", "MD5".</summary>
    IReadOnlyList<string> DigestAlgorithms { get; }

    /// <summary>Feature codes recognized from the dial plan (seed 000: *72, *73, *97, *98...).</summary>
    IReadOnlySet<string> FeatureCodes { get; }

    /// <summary>
    /// Numbers that always go out as dialed, whatever the caller's balance, limits or dialing rules (issue 14; seed 001
    /// E911, seed 004 "direct number (e.g. 911)").
    /// </summary>
    IReadOnlySet<string> EmergencyNumbers => DefaultEmergencyNumbers;

    /// <summary>The trunk emergency calls leave by; null: the caller's customer's own trunk.</summary>
    string? EmergencyTrunkId => null;

    /// <summary>
    /// The call-back number (E.164 digits) an emergency call shows when its line has no DID and its customer no main
    /// number (<see cref="SwitchCustomer.CallerId"/>); null: none configured.
    /// </summary>
    string? EmergencyCallback => null;

    /// <summary>911 and 933 (the E911 address test line).</summary>
    static IReadOnlySet<string> DefaultEmergencyNumbers { get; } = new HashSet<string>(["911", "933"], StringComparer.Ordinal);

    /// <summary>The account with this SIP user name or id.</summary>
    SwitchAccount? FindAccount(string usernameOrId);

    /// <summary>The same, for a name read from a message: implementations look it up without allocating.</summary>
    SwitchAccount? FindAccount(ReadOnlySpan<char> usernameOrId) => FindAccount(usernameOrId.ToString());

    /// <summary>The customer by id.</summary>
    SwitchCustomer? FindCustomer(string id);

    /// <summary>The account a DID (E.164 digits, no '+') is assigned to.</summary>
    SwitchAccount? FindByDid(string e164);

    /// <summary>The same, for a number read from a message: implementations look it up without allocating.</summary>
    SwitchAccount? FindByDid(ReadOnlySpan<char> e164) => FindByDid(e164.ToString());

    /// <summary>The trunk by id.</summary>
    SwitchTrunk? FindTrunk(string id);

    /// <summary>The trunk whose source addresses include <paramref name="remote"/>.</summary>
    SwitchTrunk? FindTrunkBySource(IPEndPoint remote);

    /// <summary>
    /// The trunk the switch sends its calls out to at <paramref name="address"/> (address and port), or null. A
    /// forwarding or flow target written as a <c>sip:</c> URI there would reach the carrier as an unpriced call, past
    /// the paying line's balance and fraud controls: the B2BUA refuses it (README, Fraud controls).
    /// </summary>
    SwitchTrunk? FindTrunkByAddress(IPEndPoint address);

    /// <summary>The site by id; the Default site for null or unknown ids.</summary>
    SwitchSite FindSite(string? id);

    /// <summary>The call flow attached to <paramref name="number"/> (a DID or extension) of the customer (seed 003); null: none.</summary>
    CompiledFlow? FindFlow(string customerId, string number) => null;

    /// <summary>The customer's hunt group with this number (seed 004), built; null: none.</summary>
    HuntGroupPlan? FindHuntGroup(string customerId, string number) => null;

    /// <summary>A customer's hunt groups (group pickup finds the caller's primary group among them).</summary>
    IEnumerable<HuntGroupPlan> HuntGroupsOf(string customerId) => [];
}
