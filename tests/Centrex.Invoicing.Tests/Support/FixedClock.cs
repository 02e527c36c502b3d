using NodaTime;

namespace Centrex.Invoicing.Tests.Support;

/// <summary>A clock that says what the test tells it.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public Instant GetCurrentInstant() => Now;

    public static FixedClock At(int year, int month, int day) => new(Instant.FromUtc(year, month, day, 12, 0));
}
