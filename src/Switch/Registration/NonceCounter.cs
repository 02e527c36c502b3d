using Centrex.Switch.Clock;
using NodaTime;

namespace Centrex.Switch.Registration;

/// <summary>
/// The highest nonce count accepted for each nonce still alive, so a digest response is good once (RFC 7616 §3.4:
/// the server "should check that the nonce-count has not been seen before" to detect replays; RFC 2617 §3.2.2).
/// Credentials without qop carry no count (RFC 2069 style): their nonce is single-use.
/// <para>
/// Only responses that verified are recorded, so a source without a password cannot grow the table. An entry lives
/// as long as its nonce is fresh (issued + lifetime: after that the nonce is stale anyway). At
/// <see cref="Capacity"/> the oldest-issued entry is dropped and every nonce issued up to it is answered stale from
/// then on (the client retries with a fresh nonce without asking its user): forgetting a count must never make its
/// response good again. Owns its state and the clock, so it can move into a partition's processor as it is.
/// </para>
/// </summary>
internal sealed class NonceCounter(ISwitchClock clock, Duration lifetime, int capacity)
{
    private const uint SingleUse = uint.MaxValue;
    private readonly Dictionary<string, uint> _highest = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, Instant> _byIssue = new();
    private Instant _forgottenThrough = Instant.MinValue;

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>Nonces being tracked.</summary>
    public int Count => _highest.Count;

    /// <summary>
    /// Records a verified response's use of <paramref name="nonce"/> (issued at <paramref name="issued"/>) with
    /// count <paramref name="nc"/>, or null when it came without qop; refused when not above the last one accepted.
    /// </summary>
    public NonceUse Use(string nonce, Instant issued, uint? nc)
    {
        Expire();
        if (issued <= _forgottenThrough)
        {
            return NonceUse.Forgotten;
        }

        if (_highest.TryGetValue(nonce, out var highest))
        {
            if (nc is not { } count || count <= highest)
            {
                return NonceUse.Replayed;
            }

            _highest[nonce] = count;
            return NonceUse.Accepted;
        }

        if (_highest.Count >= Capacity && _byIssue.TryDequeue(out var oldest, out var oldestIssued))
        {
            _highest.Remove(oldest);
            _forgottenThrough = Instant.Max(_forgottenThrough, oldestIssued);
            if (issued <= _forgottenThrough)
            {
                return NonceUse.Forgotten;
            }
        }

        _highest[nonce] = nc ?? SingleUse;
        _byIssue.Enqueue(nonce, issued);
        return NonceUse.Accepted;
    }

    /// <summary>Drops the entries of nonces past their lifetime: those are refused as stale before they get here.</summary>
    private void Expire()
    {
        var now = clock.Now;
        while (_byIssue.TryPeek(out var nonce, out var issued) && issued + lifetime < now)
        {
            _byIssue.Dequeue();
            _highest.Remove(nonce);
        }
    }
}
