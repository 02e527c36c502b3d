namespace Centrex.Ledger.State;

/// <summary>
/// A 128-bit fingerprint of a name (CDR id, batch key, movement id) in its domain: two independent 64-bit hashes.
/// The registry takes equal fingerprints for equal names: over a billion names the chance that any two different ones
/// share a fingerprint is about n²/2¹²⁹ ≈ 10⁻²¹, far below the chance of an undetected disk error.
/// </summary>
/// <param name="High">The first hash; never 0 (0 marks an empty slot).</param>
/// <param name="Low">The second hash.</param>
internal readonly record struct NameFingerprint(ulong High, ulong Low);
