using Centrex.Switch.Sip;

namespace Centrex.Switch.Tests.Sip;

public class TortureParsingTests
{
    [Theory]
    [MemberData(nameof(TortureCorpus.Valid), MemberType = typeof(TortureCorpus))]
    public void Parse_ValidTortureMessage_Succeeds(string name)
    {
        var message = new SipMessage();

        var error = message.Parse(TortureCorpus.Read(name));

        Assert.Equal(SipParseError.None, error);
        Assert.True(message.ViaCount > 0);
        Assert.True(message.CSeq >= 0);
    }

    [Theory]
    [MemberData(nameof(TortureCorpus.Invalid), MemberType = typeof(TortureCorpus))]
    public void Parse_InvalidTortureMessage_FailsWithReason(string name, string reason)
    {
        var message = new SipMessage();

        var error = message.Parse(TortureCorpus.Read(name));

        Assert.Equal(reason, SipParseErrors.Reason(error));
    }

    [Theory]
    [MemberData(nameof(TortureCorpus.Refused), MemberType = typeof(TortureCorpus))]
    public void Check_WellFormedRequestToRefuse_GetsItsStatus(string name, int status)
    {
        var message = new SipMessage();
        Assert.Equal(SipParseError.None, message.Parse(TortureCorpus.Read(name)));

        var check = SipRequestChecks.Check(message);

        Assert.Equal(status, check.Status);
    }

    [Fact]
    public void Corpus_EveryFileIsClassified()
    {
        var names = new HashSet<string>();
        foreach (var row in ((IEnumerable<object[]>)TortureCorpus.Valid).Concat(TortureCorpus.Invalid))
        {
            names.Add((string)row[0]);
        }

        names.Add("trws");
        foreach (var file in System.IO.Directory.EnumerateFiles(TortureCorpus.Directory, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".md", StringComparison.Ordinal))
            {
                continue;
            }

            var relative = Path.GetRelativePath(TortureCorpus.Directory, file).Replace('\\', '/');
            var name = relative.StartsWith("rfc4475/", StringComparison.Ordinal) ? Path.GetFileNameWithoutExtension(relative) : relative;
            Assert.Contains(name, names);
        }
    }

    [Fact]
    public void Parse_WsinvFoldedHeaders_ReadsValuesThroughFolds()
    {
        var m = new SipMessage();
        Assert.Equal(SipParseError.None, m.Parse(TortureCorpus.Read("wsinv")));

        Assert.Equal("1918181833n", m.Text(m.To.Tag));
        Assert.Equal("98asjd8", m.Text(m.From.Tag));
        Assert.Equal(9, m.CSeq);
        Assert.Equal(SipMethod.Invite, m.CSeqMethod);
        Assert.Equal(68, m.MaxForwards);
        Assert.Equal("UDP", m.Text(m.TopVia.Transport));
        Assert.Equal("192.0.2.2", m.Text(m.TopVia.Host));
        Assert.Equal("390skdjuw", m.Text(m.TopVia.Branch));
        Assert.Equal(150, m.Body.Length);
    }

    [Fact]
    public void Parse_Ipv6Via_ReadsReferenceAndReceived()
    {
        var m = new SipMessage();
        Assert.Equal(SipParseError.None, m.Parse(TortureCorpus.Read("rfc5118/via-received-param-with-delim")));

        Assert.True(m.TopVia.HostIsIpv6);
        Assert.Equal("2001:db8::9:1", m.Text(m.TopVia.Host));
        Assert.Equal("[2001:db8::9:255]", m.Text(m.TopVia.Received));
    }

    [Fact]
    public void Parse_DoubleRequestDatagram_TakesTheFirstByContentLength()
    {
        var m = new SipMessage();
        Assert.Equal(SipParseError.None, m.Parse(TortureCorpus.Read("dblreq")));

        Assert.Equal(SipMethod.Register, m.Method);
        Assert.Equal(0, m.Body.Length);
    }
}
