namespace Centrex.Provisioning.Model;

/// <summary>The switch's own settings.</summary>
/// <param name="Realm">
/// The digest realm (RFC 3261 §22.1). Every HA1 is computed with it, so changing it invalidates every stored hash.
/// </param>
/// <param name="DigestAlgorithms">Algorithms offered in challenges, most preferred first (RFC 8760 §2.4): <c>SHA-256</c>, <c>MD5</c>.</param>
/// <param name="FeatureCodes">Feature codes the dial plan recognizes (seed 000: *72, *73, *97, *98).</param>
public sealed record SwitchSettings(string Realm, IReadOnlyList<string> DigestAlgorithms, IReadOnlyList<string> FeatureCodes)
{
    /// <summary>The numbers that always go out (seed 001 E911; seed 004 "direct number (e.g. 911)"): 911 and 933 by default.</summary>
    public IReadOnlyList<string> EmergencyNumbers { get; init; } = DefaultEmergencyNumbers;

    /// <summary>The trunk emergency calls leave by; null: the caller's customer's own trunk.</summary>
    public string? EmergencyTrunk { get; init; }

    /// <summary>
    /// The call-back number emergency calls show (E.164 digits) when the line has no DID and its customer no main number
    /// (<c>caller_id</c>); null: such a call shows none. Never the account id: a PSAP calls back what it is shown.
    /// </summary>
    public string? EmergencyCallback { get; init; }

    /// <summary>911 (emergency services) and 933 (the North American E911 address test line).</summary>
    public static readonly IReadOnlyList<string> DefaultEmergencyNumbers = ["911", "933"];

    /// <summary>The digest algorithms the switch implements.</summary>
    public static readonly IReadOnlyList<string> KnownDigestAlgorithms = ["SHA-256", "MD5"];

    /// <summary>What the switch runs with when nothing is provisioned.</summary>
    public static SwitchSettings Default { get; } = new("centrex", KnownDigestAlgorithms, ["*72", "*73", "*97", "*98", "*33"]);
}
