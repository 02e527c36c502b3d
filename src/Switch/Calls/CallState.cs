namespace Centrex.Switch.Calls;

/// <summary>Where a call is in its life, as the B2BUA tracks it.</summary>
internal enum CallState : byte
{
    /// <summary>The callee's leg is being tried.</summary>
    Trying,

    /// <summary>Both legs answered: waiting for BYE, or a cap.</summary>
    Answered,

    /// <summary>Finished; the CDR has been emitted and hooks released.</summary>
    Ended,
}
