namespace Centrex.Provisioning.Model;

/// <summary>
/// A number calls are forwarded to (seed 004, Follow-Me: Number, Description, Ring for, Calling Party Display, Ring
/// Schedule; the rule can be disabled without deleting it).
/// </summary>
/// <param name="Number">E.164 digits or an extension of the customer; in advanced mode also a <c>sip:</c> URI.</param>
/// <param name="Description">"A short description for this number".</param>
/// <param name="RingSeconds">"Ring for": seconds it rings before the next number is tried.</param>
/// <param name="Display">What the forwarded call shows.</param>
/// <param name="Enabled">Whether the number is used.</param>
/// <param name="Schedule">When it is used; empty means always.</param>
public sealed record ForwardTarget(string Number, string Description, int RingSeconds, CallerDisplay Display, bool Enabled, IReadOnlyList<RingPeriod> Schedule)
{
    /// <summary>Shortest "Ring for".</summary>
    public const int MinRingSeconds = 5;

    /// <summary>Longest "Ring for".</summary>
    public const int MaxRingSeconds = 300;

    /// <summary>Whether the number is used at <paramref name="local"/> (the customer's local time).</summary>
    public bool ActiveAt(NodaTime.LocalDateTime local) => Enabled && (Schedule.Count == 0 || Schedule.Any(p => p.Contains(local)));
}
