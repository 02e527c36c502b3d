namespace Centrex.Switch.Media;

/// <summary>One side of a B2BUA call.</summary>
public enum CallLeg : byte
{
    /// <summary>The caller's leg (the one the INVITE came in on).</summary>
    Caller = 1,

    /// <summary>The callee's leg (the one the switch sent the INVITE on).</summary>
    Callee = 2,
}
