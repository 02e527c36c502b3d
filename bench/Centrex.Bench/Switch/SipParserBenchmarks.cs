using BenchmarkDotNet.Attributes;
using Centrex.Switch.Sip;

namespace Centrex.Bench.Switch;

/// <summary>
/// Parse a typical phone INVITE (12 headers, SDP body) and read every header: name, value, and the parsed Via,
/// From, To, Call-ID, CSeq, Contact and Content-Length. Target (issue 4): at least 1 million per second on one core,
/// 0 bytes allocated. Baseline: <see cref="NaiveSipParser"/>, string splitting into a dictionary. Min and median are
/// shown beside the mean because this host's speed swings by up to 2× from minute to minute (time another guest
/// takes is never given back, so the fastest iterations are the code's own speed).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class SipParserBenchmarks
{
    private readonly SipMessage _message = new();
    private byte[] _invite = null!;

    [GlobalSetup]
    public void Setup()
    {
        _invite = Centrex.Switch.Tests.Sip.SampleMessages.InviteBytes;
        if (_message.Parse(_invite) != SipParseError.None || ParseAndReadAll() == 0)
        {
            throw new InvalidOperationException("the sample INVITE must parse");
        }
    }

    [Benchmark(Baseline = true)]
    public int Naive()
    {
        var headers = NaiveSipParser.Parse(_invite, out var start, out var body);
        var total = start.Length + body.Length;
        foreach (var (name, values) in headers)
        {
            total += name.Length + values.Count;
        }

        return total;
    }

    [Benchmark]
    public int ParseAndReadAll()
    {
        var m = _message;
        if (m.Parse(_invite) != SipParseError.None)
        {
            return 0;
        }

        var total = 0;
        for (var i = 0; i < m.HeaderCount; i++)
        {
            ref readonly var h = ref m.Header(i);
            total += (int)h.Kind + m[h.Name].Length + m[h.Value].Length;
        }

        total += m[m.TopVia.Branch].Length + m.TopVia.Port + m[m.From.Tag].Length + m[m.To.Uri.User].Length
            + m[m.CallId].Length + m.CSeq + m.Contact.Uri.Port + m.ContentLength + m[m.Body].Length + (int)m.Method;
        return total;
    }
}
