using System.Text;
using Centrex.Switch.Sip;

namespace Centrex.Switch.Tests.Sip;

/// <summary>The perfect-hash header-name lookup and the 64-byte LF masks, checked against slow, obvious versions.</summary>
public class HeaderLookupAndLineEndTests
{
    [Fact]
    public void Lookup_EveryKnownLongName_InAnyCase_FindsItsKind()
    {
        foreach (var kind in Enum.GetValues<SipHeaderKind>().Where(k => k != SipHeaderKind.Other))
        {
            var name = SipHeaderNames.Display(kind);
            Assert.Equal(kind, SipHeaderNames.Lookup(Encoding.ASCII.GetBytes(name)));
            Assert.Equal(kind, SipHeaderNames.Lookup(Encoding.ASCII.GetBytes(name.ToUpperInvariant())));
            Assert.Equal(kind, SipHeaderNames.Lookup(Encoding.ASCII.GetBytes(name.ToLowerInvariant())));
        }
    }

    [Fact]
    public void Lookup_NearMisses_AreOther()
    {
        string[] misses = ["", "tox", "vie", "Contacts", "Contac", "Call_ID", "Call-Ie", "Content-Lengt", "Content-Lengthh",
            "Xontent-Length", "Content-Lenxth", "Proxy-Authorizatio", "Proxy-Authorizatiom", "Proxy-AuthXrization", "Max-Forward5"];
        foreach (var miss in misses)
        {
            Assert.Equal(SipHeaderKind.Other, SipHeaderNames.Lookup(Encoding.ASCII.GetBytes(miss)));
        }
    }

    [Fact]
    public void LookupAt_InPlaceWithRoomAndAtTheBufferEnd_AgreesWithLookup()
    {
        var names = Enum.GetValues<SipHeaderKind>().Where(k => k != SipHeaderKind.Other).Select(SipHeaderNames.Display)
            .Concat(["v", "I", "q", "tox", "Contac", "Content-Lengthh", "Proxy-Authorizatiom", "X-Twenty-Five-Bytes-Long1"]);
        foreach (var name in names.SelectMany(n => new[] { n, n.ToUpperInvariant(), n.ToLowerInvariant() }))
        {
            var expected = SipHeaderNames.Lookup(Encoding.ASCII.GetBytes(name));

            // In place: the name inside a message with more than 24 bytes after it, followed by bytes that are not its own.
            var roomy = Encoding.ASCII.GetBytes("ab" + name + ": Zz-Yy-Xx-Ww-Vv-Uu-Tt-Ss\r\n");
            Assert.Equal(expected, SipHeaderNames.LookupAt(roomy, 2, name.Length));

            // At the end: fewer than 24 bytes left, so the lookup copies the name out.
            var tail = Encoding.ASCII.GetBytes("ab" + name);
            Assert.Equal(expected, SipHeaderNames.LookupAt(tail, 2, name.Length));
        }
    }

    [Fact]
    public void LineEnds_MatchIndexOf_AcrossBlockBoundariesAndTheTail()
    {
        var random = new Random(4);
        for (var round = 0; round < 200; round++)
        {
            var bytes = new byte[random.Next(0, 300)];
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = random.Next(8) == 0 ? (byte)'\n' : (byte)'a';
            }

            var lines = new SipLineEnds(bytes);
            for (var from = 0; from <= bytes.Length; from++)
            {
                var expected = bytes.AsSpan(from).IndexOf((byte)'\n');
                Assert.Equal(expected < 0 ? -1 : from + expected, lines.Next(from));
            }
        }
    }

    [Fact]
    public void Parse_HeaderLinesLongerThanABlock_KeepTheirValues()
    {
        var longValue = new string('x', 150);
        var text = SampleMessages.Invite.Replace("User-Agent: Linksys/SPA942-6.1.5a", "User-Agent: " + longValue, StringComparison.Ordinal);
        var m = new SipMessage();
        Assert.Equal(SipParseError.None, m.Parse(Encoding.ASCII.GetBytes(text)));
        Assert.Equal(longValue, m.Text(m.Find(SipHeaderKind.UserAgent)));
        Assert.Equal(137, m.Body.Length);
    }
}
