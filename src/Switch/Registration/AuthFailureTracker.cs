using System.Net;
using Centrex.Switch.Clock;
using NodaTime;

namespace Centrex.Switch.Registration;

/// <summary>
/// Slows, then blocks, a source address that keeps failing digest authentication (issue 13 item 6: 5,000 wrong
/// passwords in 5 s against one nonce were all answered). See <see cref="SipAuthLimits"/> for the rule. Sources are
/// kept in order of their last strike, so idle ones are dropped from the front and, at the cap, the stalest goes.
/// Owns its state and the clock, so it can move into a partition's processor as it is.
/// </summary>
internal sealed class AuthFailureTracker(SipAuthLimits limits, ISwitchClock clock)
{
    private readonly Dictionary<SourceKey, LinkedListNode<AuthFailureSource>> _sources = [];
    private readonly LinkedList<AuthFailureSource> _byLastStrike = new();

    /// <summary>Source addresses being tracked.</summary>
    public int Count => _sources.Count;

    /// <summary>Whether every request from <paramref name="address"/> is to be dropped now.</summary>
    public bool IsBlocked(IPAddress address) =>
        _sources.Count > 0 && _sources.TryGetValue(SourceKey.Of(address), out var node) && node.Value.IsBlocked(clock.Now);

    /// <summary>
    /// Whether a request from <paramref name="address"/> that needs authentication is to be looked at. A slowed
    /// source gets one per back-off delay; each one dropped meanwhile is a strike, and may start the block.
    /// </summary>
    public AuthAdmission Admit(IPAddress address)
    {
        if (_sources.Count == 0 || !_sources.TryGetValue(SourceKey.Of(address), out var node))
        {
            return AuthAdmission.Check;
        }

        var now = clock.Now;
        var source = node.Value;
        if (source.IsBlocked(now))
        {
            return AuthAdmission.Blocked;
        }

        var strikes = source.StrikesWithin(now, limits.Window);
        if (strikes < limits.SlowAfter)
        {
            return AuthAdmission.Check;
        }

        if (now >= source.NextAllowed)
        {
            source.NextAllowed = now + Delay(strikes);
            return AuthAdmission.Check;
        }

        return Strike(node, now) ? AuthAdmission.BlockStarted : AuthAdmission.Slowed;
    }

    /// <summary>
    /// Counts a failure by <paramref name="user"/> against <paramref name="address"/>; true when it started a block. A
    /// failure reported while the source is already blocked (a check that was in flight when the block started) only
    /// names the user: it neither extends the block nor logs it again.
    /// </summary>
    public bool Fail(IPAddress address, string? user)
    {
        var now = clock.Now;
        var key = SourceKey.Of(address);
        if (!_sources.TryGetValue(key, out var node))
        {
            DropIdle(now);
            if (_sources.Count >= limits.MaxTrackedSources && _byLastStrike.First is { } stalest)
            {
                Remove(stalest);
            }

            node = _byLastStrike.AddLast(new AuthFailureSource(key, limits.BlockAfter));
            _sources[key] = node;
        }

        node.Value.LastUser = user;
        return !node.Value.IsBlocked(now) && Strike(node, now);
    }

    /// <summary>When the block on <paramref name="address"/> ends and the username of its last failure.</summary>
    public (Instant Until, string? LastUser) Block(IPAddress address) =>
        _sources.TryGetValue(SourceKey.Of(address), out var node) ? (node.Value.BlockedUntil, node.Value.LastUser) : (default, null);

    private bool Strike(LinkedListNode<AuthFailureSource> node, Instant now)
    {
        var source = node.Value;
        source.Strike(now);
        _byLastStrike.Remove(node);
        _byLastStrike.AddLast(node);
        var strikes = source.StrikesWithin(now, limits.Window);
        if (strikes >= limits.BlockAfter)
        {
            source.BlockedUntil = now + limits.BlockFor;
            source.Clear();
            return true;
        }

        if (strikes >= limits.SlowAfter)
        {
            var next = now + Delay(strikes);
            source.NextAllowed = next > source.NextAllowed ? next : source.NextAllowed;
        }

        return false;
    }

    /// <summary>SlowDelay doubled for each strike past SlowAfter, at most the window.</summary>
    private Duration Delay(int strikes)
    {
        var doublings = Math.Min(strikes - limits.SlowAfter, 30);
        var delay = limits.SlowDelay * (1L << doublings);
        return delay < limits.Window ? delay : limits.Window;
    }

    /// <summary>Sources whose strikes have all left the window and that are not blocked are forgotten, oldest first.</summary>
    private void DropIdle(Instant now)
    {
        while (_byLastStrike.First is { } oldest && oldest.Value.LastStrike + limits.Window <= now && !oldest.Value.IsBlocked(now))
        {
            Remove(oldest);
        }
    }

    private void Remove(LinkedListNode<AuthFailureSource> node)
    {
        _sources.Remove(node.Value.Key);
        _byLastStrike.Remove(node);
    }
}
