namespace Centrex.Switch.Clock;

/// <summary>
/// A timer scheduled on a <see cref="TimerWheel"/> with a target: the wheel's slot and the generation it had then. The
/// wheel reuses a slot once its timer ran or was cancelled and bumps its generation, so a handle kept past that point
/// (a transaction's old Timer A, say) cancels nothing: not the timer that now uses the slot. A value, not an object:
/// keeping one allocates nothing and refers to nothing but the wheel. The default handle is no timer.
/// </summary>
internal readonly struct TimerHandle
{
    private readonly TimerWheel? _wheel;
    private readonly int _slot;
    private readonly int _generation;

    internal TimerHandle(TimerWheel wheel, int slot, int generation)
    {
        _wheel = wheel;
        _slot = slot;
        _generation = generation;
    }

    /// <summary>The timer is still waiting: neither ran nor was cancelled.</summary>
    public bool Pending => _wheel is not null && _wheel.IsPending(_slot, _generation);

    /// <summary>Stops the timer if it has not run yet; harmless afterwards, and for the default handle.</summary>
    public void Cancel() => _wheel?.Cancel(_slot, _generation);
}
