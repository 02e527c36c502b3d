namespace Centrex.Provisioning.Model;

/// <summary>
/// A class of destinations an account may be barred from calling (fraud controls, issue 14). Wire names:
/// <c>international</c>, <c>premium</c> (<see cref="Json.WireNames.FraudClasses"/>).
/// </summary>
public enum FraudClass
{
    /// <summary>
    /// Every destination billed as international: outside country code 1, and the NANP numbers outside the US states
    /// and Canada (the Caribbean NPAs, where most international revenue-share fraud on North American lines goes).
    /// </summary>
    International,

    /// <summary>Premium-rate numbers: NANP 1-900 and the 976 exchange of any NPA (<c>Rating.Numbering.PremiumNumbers</c>).</summary>
    Premium,
}
