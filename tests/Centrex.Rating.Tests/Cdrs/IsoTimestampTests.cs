using System.Globalization;
using System.Text;
using Centrex.Rating.Cdrs;
using NodaTime;

namespace Centrex.Rating.Tests.Cdrs;

public class IsoTimestampTests
{
    private static Instant? Parse(string text) => IsoTimestamp.TryParse(Encoding.UTF8.GetBytes(text), out var instant) ? instant : null;

    [Theory]
    [InlineData("2026-01-15T10:30:00Z")]
    [InlineData("2026-01-15T10:30:00.5Z")]
    [InlineData("2026-01-15T10:30:00.1234567Z")]
    [InlineData("2026-01-15T05:30:00-05:00")]
    [InlineData("2026-01-15T16:00:00+05:30")]
    [InlineData("2024-02-29T23:59:59+14:00")]
    [InlineData("2000-02-29T00:00:00Z")]
    [InlineData("1999-12-31T23:59:59-12:00")]
    [InlineData("1970-01-01T00:00:00Z")]
    [InlineData("1969-12-31T23:30:00-01:00")] // 1970-01-01T00:30:00Z
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z")]
    [InlineData("9999-12-31T23:59:59+05:00")]
    public void TryParse_AgreesWithTheFrameworkParser(string text)
    {
        var expected = DateTimeOffset.ParseExact(text, ["yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None);
        Assert.Equal(Instant.FromDateTimeOffset(expected), Parse(text));
    }

    [Fact]
    public void TryParse_NineFractionDigitsAndLowerCase_KeepNanoseconds()
    {
        Assert.Equal(Instant.FromUtc(2026, 3, 1, 12, 0, 0).PlusNanoseconds(123_456_789), Parse("2026-03-01t12:00:00.123456789z"));
    }

    [Theory]
    [InlineData("2026-01-15T10:30Z")] // no seconds
    [InlineData("2026-01-15T10:30:00")] // no offset
    [InlineData("2026-01-15 10:30:00Z")] // space separator
    [InlineData("2026-02-29T10:30:00Z")] // not a leap year
    [InlineData("1900-02-29T10:30:00Z")] // century rule
    [InlineData("2026-04-31T10:30:00Z")]
    [InlineData("2026-13-01T10:30:00Z")]
    [InlineData("2026-00-01T10:30:00Z")]
    [InlineData("2026-01-00T10:30:00Z")]
    [InlineData("2026-01-15T24:00:00Z")]
    [InlineData("2026-01-15T10:60:00Z")]
    [InlineData("2026-01-15T10:30:60Z")] // leap seconds are not representable
    [InlineData("2026-01-15T10:30:00.Z")]
    [InlineData("2026-01-15T10:30:00.1234567890Z")]
    [InlineData("2026-01-15T10:30:00+0500")]
    [InlineData("2026-01-15T10:30:00+19:00")]
    [InlineData("2026-01-15T10:30:00+05:60")]
    [InlineData("2026-01-15T10:30:00ZZ")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("10000-01-01T00:00:00Z")]
    [InlineData("26-01-15T10:30:00Z")]
    [InlineData("")]
    [InlineData("2026-01-15T10:30:00 Z")]
    public void TryParse_NotAnIsoDateTimeWithSecondsAndOffset_ReturnsFalse(string text) => Assert.Null(Parse(text));

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1000-06-15T12:00:00Z")]
    [InlineData("1969-12-31T23:59:59Z")]
    [InlineData("1969-12-31T23:59:59.999999999Z")]
    [InlineData("1970-01-01T00:30:00+01:00")] // 1969-12-31T23:30:00Z
    [InlineData("9999-12-31T23:00:00-05:00")] // 10000-01-01T04:00:00Z
    public void TryParse_OutsideTheYears1970To9999InUtc_ReturnsFalse(string text)
    {
        // Issue 13: a start in such a year would be charged to a period nothing can display or bill.
        Assert.Null(Parse(text));
        Assert.False(IsoTimestamp.TryParse(Encoding.ASCII.GetBytes(text), out long seconds, out var nanoseconds));
        Assert.Equal((0L, 0), (seconds, nanoseconds));
    }

    [Fact]
    public void TryParse_AnyByteAtAnyPosition_IsAcceptedOnlyWhereTheFormatAllowsIt()
    {
        // Every position of a valid timestamp, every byte value: the branch-free digit check must reject exactly the
        // bytes the format does not allow there.
        var valid = Encoding.ASCII.GetBytes("2026-01-15T10:30:45+05:30");
        for (var position = 0; position < valid.Length; position++)
        {
            for (var value = 0; value < 256; value++)
            {
                var text = (byte[])valid.Clone();
                text[position] = (byte)value;
                var expected = (DateTimeOffset.TryParseExact(
                    Encoding.Latin1.GetString(text), "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var reference)
                        && reference.UtcDateTime.Year >= 1970) // 0026 and 1026 are dates, but not CDR starts (issue 13)
                    || (position == 10 && value == 't')
                    || (position is 20 or 21 && value is >= '0' and <= '9' && int.Parse(Encoding.ASCII.GetString(text, 20, 2), CultureInfo.InvariantCulture) <= 18); // offsets to ±18:00 (NodaTime), wider than .NET's ±14:00
                var parsed = IsoTimestamp.TryParse(text, out var instant);
                Assert.True(expected == parsed, $"byte {value} at position {position}: parsed {parsed}, expected {expected}");
                if (parsed && position is not (10 or 20 or 21))
                {
                    Assert.Equal(Instant.FromDateTimeOffset(reference), instant);
                }
            }
        }
    }
}
