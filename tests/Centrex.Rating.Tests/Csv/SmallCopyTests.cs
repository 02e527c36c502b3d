using Centrex.Rating.Csv;

namespace Centrex.Rating.Tests.Csv;

public class SmallCopyTests
{
    [Fact]
    public void Copy_EveryLengthUpTo64_CopiesExactlyAndTouchesNothingElse()
    {
        var source = Enumerable.Range(1, 64).Select(i => (byte)i).ToArray();
        for (var length = 0; length <= 64; length++)
        {
            var destination = Enumerable.Repeat((byte)0xEE, 80).ToArray();
            SmallCopy.Copy(source.AsSpan(0, length), destination.AsSpan(3));
            Assert.Equal(source[..length], destination[3..(3 + length)]);
            Assert.All(destination[..3], b => Assert.Equal(0xEE, b));
            Assert.All(destination[(3 + length)..], b => Assert.Equal(0xEE, b));
        }
    }

    [Fact]
    public void Copy_DestinationTooShort_Throws() =>
        Assert.Throws<ArgumentException>(() => SmallCopy.Copy(new byte[10], new byte[9]));
}
