namespace Centrex.Switch.Calls;

/// <summary>Admission control's answer: admitted, or refused with a status (503) and the Warning text naming the limit.</summary>
/// <param name="Admitted">Whether the call may proceed.</param>
/// <param name="Status">The response status when refused.</param>
/// <param name="Warning">The Warning header text (RFC 3261 §20.43) naming the limit, when refused.</param>
public readonly record struct AdmissionDecision(bool Admitted, int Status, string? Warning)
{
    /// <summary>Proceed.</summary>
    public static AdmissionDecision Admit => new(true, 0, null);

    /// <summary>Refuse with 503 and a Warning naming the limit.</summary>
    public static AdmissionDecision Refuse(string warning) => new(false, 503, warning);
}
