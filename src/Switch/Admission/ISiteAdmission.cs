namespace Centrex.Switch.Admission;

/// <summary>
/// Site admission control (seed 004, Sites page), as the B2BUA calls it: once per call when the INVITE arrives,
/// before anything is sent on. The returned <see cref="CallAdmission"/> must be released when the call ends,
/// however it ends (BYE, CANCEL, a failure response, a timeout); releasing is idempotent, so every end path may call it.
/// </summary>
public interface ISiteAdmission
{
    /// <summary>
    /// Admits one call and reserves its bandwidth, all counters at once, while the site's connected calls leave room
    /// (seed 004 counts calls "in a connected state"): the call takes a slot when one is free, or else rings on capacity
    /// the connected calls do not use and must find a slot when answered (<see cref="CallAdmission.TryConnect"/>).
    /// Refused: nothing changes and <paramref name="refusal"/> names the first limit reached.
    /// </summary>
    /// <param name="request">The call.</param>
    /// <param name="admission">The reservation, when admitted.</param>
    /// <param name="refusal">The limit reached, when refused (answer 503 with its Warning).</param>
    /// <returns>True when admitted.</returns>
    bool TryAdmit(in AdmissionRequest request, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CallAdmission? admission, out AdmissionRefusal refusal);

    /// <summary>A snapshot of a site's counters (<see langword="null"/> or an unknown name: the Default site).</summary>
    SiteUsage Usage(string? site);
}
