namespace Centrex.Provisioning.Model;

/// <summary>
/// When a line's forwarding applies (seed 000 feature codes): <c>always</c> (<c>*73</c>, unconditional: the phone does
/// not ring) or <c>unanswered</c> (<c>*72</c>, conditional: busy, no answer within the line's ring time, or no phone
/// registered). Persisted by name.
/// </summary>
public enum ForwardWhen
{
    /// <summary>Unconditional.</summary>
    Always,

    /// <summary>Busy, no answer or unregistered.</summary>
    Unanswered,
}
