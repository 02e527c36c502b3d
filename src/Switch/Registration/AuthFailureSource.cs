using NodaTime;

namespace Centrex.Switch.Registration;

/// <summary>
/// One source address's strikes (authentication failures, and requests dropped while it is slowed) as a ring of their
/// instants, exactly as many as it takes to block: counting those inside the window is then exact with fixed memory.
/// </summary>
internal sealed class AuthFailureSource(SourceKey key, int capacity)
{
    private readonly Instant[] _strikes = new Instant[capacity];
    private int _next;
    private int _count;

    public SourceKey Key { get; } = key;

    public Instant LastStrike { get; private set; }

    /// <summary>Before this instant a slowed source's next request is dropped.</summary>
    public Instant NextAllowed { get; set; }

    /// <summary>Until this instant every request from the source is dropped.</summary>
    public Instant BlockedUntil { get; set; }

    /// <summary>The username of the last failure (for the line that says the block started).</summary>
    public string? LastUser { get; set; }

    public bool IsBlocked(Instant now) => now < BlockedUntil;

    public void Strike(Instant now)
    {
        _strikes[_next] = now;
        _next = (_next + 1) % _strikes.Length;
        _count = Math.Min(_count + 1, _strikes.Length);
        LastStrike = now;
    }

    /// <summary>Strikes after <paramref name="now"/> minus <paramref name="window"/>.</summary>
    public int StrikesWithin(Instant now, Duration window)
    {
        var since = now - window;
        var within = 0;
        for (var i = 0; i < _count; i++)
        {
            if (_strikes[i] > since)
            {
                within++;
            }
        }

        return within;
    }

    /// <summary>Forgets the strikes (a block starts: it is counted afresh once the block is over).</summary>
    public void Clear()
    {
        _next = 0;
        _count = 0;
    }
}
