namespace Centrex.Switch.Registration;

/// <summary>What <see cref="AuthFailureTracker.Admit"/> says about a request that needs authentication.</summary>
internal enum AuthAdmission : byte
{
    /// <summary>Look at its credentials.</summary>
    Check,

    /// <summary>The source is slowed and its back-off delay has not passed: drop it unanswered (a strike).</summary>
    Slowed,

    /// <summary>The source is blocked: drop it.</summary>
    Blocked,

    /// <summary>Dropping it (a strike) started the source's block: drop it and say so once.</summary>
    BlockStarted,
}
