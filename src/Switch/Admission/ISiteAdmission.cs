namespace Centrex.Switch.Admission;

/// <summary>
/// Site admission control (seed 004, Sites page), as the B2BUA calls it: once per call when the INVITE arrives,
/// before anything is sent on. The returned <see cref="CallAdmission"/> must be released when the call ends,
/// however it ends (BYE, CANCEL, a failure response, a timeout); releasing is idempotent, so every end path may call it.
/// </summary>
public interface ISiteAdmission
{
    /// <summary>
    /// Reserves one call and its bandwidth on the site, all counters at once: either every counter is raised and no
    /// limit is exceeded, or nothing changes and <paramref name="refusal"/> names the first limit that would be.
    /// </summary>
    /// <param name="request">The call.</param>
    /// <param name="admission">The reservation, when admitted.</param>
    /// <param name="refusal">The limit reached, when refused (answer 503 with its Warning).</param>
    /// <returns>True when admitted.</returns>
    bool TryAdmit(in AdmissionRequest request, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CallAdmission? admission, out AdmissionRefusal refusal);

    /// <summary>A snapshot of a site's counters (<see langword="null"/> or an unknown name: the Default site).</summary>
    SiteUsage Usage(string? site);
}
