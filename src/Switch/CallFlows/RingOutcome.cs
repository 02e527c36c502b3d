namespace Centrex.Switch.CallFlows;

/// <summary>How a ringing step ended without an answer: the branch a node takes next.</summary>
public enum RingOutcome : byte
{
    /// <summary>Rang out (the ring time ran out, or every party gave a final refusal other than busy).</summary>
    NoAnswer,

    /// <summary>Every party rung was busy (486/600).</summary>
    Busy,
}
