namespace Centrex.Switch.Calls;

/// <summary>Why a feature code was not carried out: the status and reason phrase the phone gets.</summary>
/// <param name="Status">The SIP status (484 for a number that is not one).</param>
/// <param name="Reason">The reason phrase, naming what was wrong.</param>
internal sealed record FeatureRefusal(int Status, string Reason);
