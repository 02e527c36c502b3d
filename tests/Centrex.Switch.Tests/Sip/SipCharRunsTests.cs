using Centrex.Switch.Sip;

namespace Centrex.Switch.Tests.Sip;

/// <summary>The vectorized class runs, checked against the byte-at-a-time table loops for every class and position.</summary>
public class SipCharRunsTests
{
    private static readonly byte[] Classes =
    [
        SipChars.Token, SipChars.Host, SipChars.Ipv6, SipChars.ParamStop, SipChars.Space, SipChars.AddrSpecStop,
        SipChars.Digit, SipChars.Scheme,
    ];

    private static readonly byte[] Separators = " \t\r\n;:@<>,\"=?[]/"u8.ToArray();

    private static readonly byte[] TokenBytes = "aZ09.-_!%*+`'~"u8.ToArray();

    [Fact]
    public void CountInAndCountNotIn_MatchTheScalarLoops_ForEveryClassStartAndEnd()
    {
        var random = new Random(11);
        for (var round = 0; round < 40; round++)
        {
            // Mostly token and host bytes, with separators and bytes above 0x7F sprinkled in, so runs end anywhere.
            var buffer = new byte[random.Next(1, 90)];
            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = random.Next(6) switch
                {
                    0 => Separators[random.Next(Separators.Length)],
                    1 => (byte)random.Next(0x80, 0x100),
                    _ => TokenBytes[random.Next(TokenBytes.Length)],
                };
            }

            foreach (var mask in Classes)
            {
                for (var from = 0; from < buffer.Length; from += 1 + random.Next(3))
                {
                    for (var end = from; end <= buffer.Length; end += 1 + random.Next(5))
                    {
                        var run = buffer.AsSpan(from, end - from);
                        Assert.Equal(SipChars.CountIn(run, mask), SipCharRuns.CountIn(buffer, from, end, mask));
                        Assert.Equal(SipChars.CountNotIn(run, mask), SipCharRuns.CountNotIn(buffer, from, end, mask));
                    }
                }
            }
        }
    }
}
