using System.Diagnostics;

namespace Centrex.Pipeline;

/// <summary>A point in monotonic time (or never), for timeouts spread over several waits.</summary>
internal readonly struct Deadline
{
    private readonly long _expiresAt;

    private Deadline(long expiresAt) => _expiresAt = expiresAt;

    public bool IsInfinite => _expiresAt == long.MaxValue;

    public bool HasExpired => !IsInfinite && Stopwatch.GetTimestamp() >= _expiresAt;

    /// <summary>Time left, never negative; <see cref="Timeout.InfiniteTimeSpan"/> for an infinite deadline.</summary>
    public TimeSpan Remaining
    {
        get
        {
            if (IsInfinite)
            {
                return Timeout.InfiniteTimeSpan;
            }

            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), _expiresAt);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>A deadline <paramref name="timeout"/> from now; <see cref="Timeout.InfiniteTimeSpan"/> means
    /// never.</summary>
    public static Deadline After(TimeSpan timeout, string paramName)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return new Deadline(long.MaxValue);
        }

        if (timeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(paramName, timeout, "A timeout must be zero or more, or Timeout.InfiniteTimeSpan.");
        }

        // Saturate instead of overflowing: a timeout of TimeSpan.MaxValue means "practically never".
        var ticks = timeout.TotalSeconds * Stopwatch.Frequency;
        var now = Stopwatch.GetTimestamp();
        return ticks >= long.MaxValue - now ? new Deadline(long.MaxValue) : new Deadline(now + (long)ticks);
    }
}
