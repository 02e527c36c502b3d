using System.Text;
using Centrex.Switch.Sip;

namespace Centrex.Switch.Tests.Sip;

public class ParserRobustnessTests
{
    [Fact]
    public void SampleInvite_BodyLengthMatchesContentLength()
    {
        var m = new SipMessage();
        Assert.Equal(SipParseError.None, m.Parse(SampleMessages.InviteBytes));
        Assert.Equal(m.ContentLength, m.Body.Length);
        Assert.Equal(SipParseError.None, m.Parse(SampleMessages.InviteBytes.AsSpan(0, m.Body.End)));
    }

    [Fact]
    public void Frame_EveryPrefixOfAValidMessage_NeedsMore()
    {
        var bytes = SampleMessages.InviteBytes;
        for (var n = 0; n < bytes.Length; n++)
        {
            Assert.Equal(SipFrameStatus.NeedMore, SipFraming.TryFrame(bytes.AsSpan(0, n), out _, out _, out _));
        }

        Assert.Equal(SipFrameStatus.Message, SipFraming.TryFrame(bytes, out var skip, out var length, out _));
        Assert.Equal((0, bytes.Length), (skip, length));
    }

    [Fact]
    public void Parse_EveryPrefixOfAValidMessage_FailsWithoutThrowing()
    {
        var bytes = SampleMessages.InviteBytes;
        var m = new SipMessage();
        for (var n = 0; n < bytes.Length - 137; n++)
        {
            Assert.NotEqual(SipParseError.None, m.Parse(bytes.AsSpan(0, n)));
        }
    }

    [Fact]
    public void Parse_CompactAndMixedCaseNames_FindTheSameHeaders()
    {
        var text = SampleMessages.Invite
            .Replace("Via:", "v:").Replace("To:", "t:").Replace("From:", "f:").Replace("Call-ID:", "i:")
            .Replace("Contact:", "m:").Replace("Content-Length:", "l:").Replace("Content-Type:", "c:")
            .Replace("Supported:", "k:").Replace("CSeq:", "cSEQ:");
        var m = new SipMessage();

        Assert.Equal(SipParseError.None, m.Parse(Encoding.ASCII.GetBytes(text)));

        Assert.Equal("a84b4c76e66710@pc33.example.com", m.Text(m.CallId));
        Assert.Equal("1928301774", m.Text(m.From.Tag));
        Assert.Equal("1002", m.Text(m.RequestUri.User));
        Assert.Equal(137, m.ContentLength);
        Assert.Equal("replaces, timer", m.Text(m.Find(SipHeaderKind.Supported)));
        Assert.True(m.HasContact);
        Assert.Equal(5060, m.Contact.Uri.Port);
        Assert.True(m.TopVia.HasRport);
    }

    [Fact]
    public void Parse_EveryKnownHeaderKindOnce_IsNotTakenForADuplicate()
    {
        var extra = string.Concat(Enum.GetValues<SipHeaderKind>()
            .Where(k => k is not (SipHeaderKind.Other or SipHeaderKind.Via or SipHeaderKind.From or SipHeaderKind.To or SipHeaderKind.CallId
                or SipHeaderKind.CSeq or SipHeaderKind.Contact or SipHeaderKind.MaxForwards or SipHeaderKind.ContentLength or SipHeaderKind.ContentType))
            .Select(k => $"{SipHeaderNames.Display(k)}: x\r\n"));
        var text = SampleMessages.Invite.Replace("Max-Forwards: 70\r\n", "Max-Forwards: 70\r\n" + extra);
        var m = new SipMessage();

        Assert.Equal(SipParseError.None, m.Parse(Encoding.ASCII.GetBytes(text)));
        Assert.Contains(SipHeaderKind.Reason, Enumerable.Range(0, m.HeaderCount).Select(i => m.Header(i).Kind));
    }

    [Fact]
    public void Parse_TooManyHeaders_IsRefused()
    {
        var text = SampleMessages.Invite.Replace("Max-Forwards: 70\r\n", string.Concat(Enumerable.Repeat("X-Filler: 1\r\n", SipLimits.MaxHeaders)));
        Assert.Equal(SipParseError.TooManyHeaders, new SipMessage().Parse(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void Parse_BadHeaderLine_KeepsTheLinesBeforeIt_AndTheNextParseStartsClean()
    {
        var m = new SipMessage(16); // a small buffer, grown by the parse: no read may go past it
        Assert.Equal(SipParseError.HeaderWithoutColon, m.Parse("INVITE sip:a SIP/2.0\r\nVia: SIP/2.0/UDP h\r\nbogus\r\n\r\n"u8));
        Assert.Equal(1, m.HeaderCount);
        Assert.Equal(SipHeaderKind.Via, m.Header(0).Kind);

        // A status line and a two-letter name within the last 24 bytes of the message: the name is looked up from a copy.
        Assert.Equal(SipParseError.MissingVia, m.Parse("SIP/2.0 200 OK\nto: <sip:a>\n\n"u8));
        Assert.Equal(SipHeaderKind.To, m.Header(0).Kind);
        Assert.Equal(SipParseError.None, m.Parse(SampleMessages.InviteBytes));
        Assert.Equal(12, m.HeaderCount);
    }

    [Fact]
    public void Parse_LargerThanLimit_IsRefused()
    {
        Assert.Equal(SipParseError.MessageTooLarge, new SipMessage().Parse(new byte[SipLimits.MaxMessageBytes + 1]));
    }

    [Fact]
    public void Frame_TwoMessagesInOneSegment_FramesTheFirstThenTheSecond()
    {
        var one = SampleMessages.InviteBytes;
        var both = one.Concat(Encoding.ASCII.GetBytes("\r\n\r\n")).Concat(one).ToArray();

        Assert.Equal(SipFrameStatus.Message, SipFraming.TryFrame(both, out _, out var first, out _));
        Assert.Equal(SipFrameStatus.Message, SipFraming.TryFrame(both.AsSpan(first), out var skip, out var second, out _));
        Assert.Equal((4, one.Length), (skip, second));
    }

    [Fact]
    public void Frame_StreamWithoutContentLength_IsAnError()
    {
        var text = SampleMessages.Invite.Replace("Content-Length: 137\r\n", string.Empty);
        Assert.Equal(SipFrameStatus.Error, SipFraming.TryFrame(Encoding.ASCII.GetBytes(text), out _, out _, out var error));
        Assert.Equal(SipParseError.MissingContentLength, error);
    }

    [Fact]
    public void Parse_RandomBytes_NeverThrows()
    {
        var m = new SipMessage();
        Prop.ForAll<byte[]>(bytes =>
        {
            _ = m.Parse(bytes);
            _ = SipFraming.TryFrame(bytes, out _, out _, out _);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parse_MutatedValidMessages_NeverThrowAndAcceptedOnesAreConsistent()
    {
        var valid = SampleMessages.InviteBytes;
        var alphabet = Encoding.ASCII.GetBytes(" \t\r\n:;,<>\"\\[]@=/%0aZ");
        var m = new SipMessage();
        var gen = Gen.Choose(0, valid.Length - 1).Two().Select(p => p).ListOf();
        Prop.ForAll(gen.ToArbitrary(), edits =>
        {
            var bytes = (byte[])valid.Clone();
            foreach (var (at, pick) in edits)
            {
                bytes[at] = alphabet[pick % alphabet.Length];
            }

            if (m.Parse(bytes) == SipParseError.None)
            {
                // Whatever is accepted has its mandatory parts, and every range lies inside the message.
                Assert.True(m.ViaCount > 0 && m.CSeq >= 0 && !m.CallId.IsEmpty);
                for (var i = 0; i < m.HeaderCount; i++)
                {
                    Assert.True(m.Header(i).Value.End <= m.Length);
                }

                Assert.True(m.Body.End <= m.Length);
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parse_TortureMessagesCutAnywhere_NeverThrow()
    {
        var m = new SipMessage();
        foreach (var file in System.IO.Directory.EnumerateFiles(TortureCorpus.Directory, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            for (var n = 0; n <= bytes.Length; n += 7)
            {
                _ = m.Parse(bytes.AsSpan(0, n));
                _ = SipFraming.TryFrame(bytes.AsSpan(0, n), out _, out _, out _);
            }
        }
    }
}
