using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Centrex.Provisioning.Json;
using Centrex.Switch;
using Centrex.Switch.Clock;
using Centrex.Switch.Metrics;
using Centrex.Switch.Partitions;
using Centrex.Switch.Registration;
using Centrex.Switch.Sip;
using Centrex.Switch.Transactions;
using Centrex.Switch.Transport;
using Centrex.Switching;

namespace Centrex.Bench.Switch;

/// <summary>
/// Issue 14's allocation target: nothing allocated per message on receive -> parse -> partition routing. Each benchmark
/// does what the pipeline does for one datagram before call control: the UDP reader's source lookup by the socket
/// address, the copy into a receive-ring slot, the router's parse in place, its routing decision (an authenticated
/// INVITE by the account of its credentials, with the per-source rate and authentication checks; an in-dialog BYE by
/// its To tag; a response by its branch, each counted for the metrics first), and the copy of the parsed message into a
/// partition-ring slot. Baseline: the parse alone.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class SwitchRoutingBenchmarks
{
    private readonly SipMessage _parser = new(8192);
    private readonly SipMessage _partitionSlot = new(8192);
    private readonly UdpSourceCache _sources = new();
    private readonly SwitchMetrics _metrics = new();
    private ReceiveSlot _receiveSlot = ReceiveSlot.Create();
    private SocketAddress _phoneAddress = null!;
    private SipRouter _router = null!;
    private SourceGuard _guard = null!;
    private byte[] _invite = null!;
    private byte[] _bye = null!;
    private byte[] _response = null!;

    [GlobalSetup]
    public void Setup()
    {
        var snapshot = ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes("""
            { "format": "centrex-provisioning/1", "switch": { "realm": "switch.example.com" },
              "customers": [ { "id": "acme", "company": "Acme", "contact": "A", "email": "a@x.example",
                 "address": { "street": "1 Main", "city": "Vancouver", "province": "BC", "country": "CA", "postal_code": "V7Y" },
                 "time_zone": "America/Vancouver" } ],
              "accounts": [ { "id": "16045551001", "customer": "acme", "type": "credit",
                 "sip": { "username": "1001", "ha1_md5": "0123456789abcdef0123456789abcdef" } } ] }
            """), "bench");
        var directory = ProvisionedSwitchDirectory.From(snapshot, "bench");
        var clock = SystemSwitchClock.Instance;
        _guard = new SourceGuard(new AuthFailureTracker(new SipAuthLimits(), clock), new AuthChecksInFlight(new SipAuthLimits(), clock),
            new ProvenCredentials(new SipAuthLimits(), clock), new AuthFailureLog(TextWriter.Null, clock), () => directory.Realm);
        var rates = new SourceRateLimiter(new SourceRateLimits(PerSecond: 100_000_000, Burst: 100_000_000), clock);
        _router = new SipRouter(new PartitionMap(4), () => directory, _ => throw new InvalidOperationException("not called"), null!, _guard,
            new StatelessTags(), rates, new SourceRateLimiter(new EmergencyRateLimits(), clock), new SourceRateLimiter(new SourceRateLimits(), clock), _metrics);
        var phone = new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060);
        _phoneAddress = phone.Serialize();

        const string Credentials = "Proxy-Authorization: Digest username=\"1001\", realm=\"switch.example.com\", nonce=\"19c8f.0123456789abcdef.0123456789abcdef01234567\", " +
            "uri=\"sip:1002@switch.example.com\", response=\"0123456789abcdef0123456789abcdef\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"c0ffee\"\r\n";
        _invite = Encoding.ASCII.GetBytes(Centrex.Switch.Tests.Sip.SampleMessages.Invite.Replace("User-Agent:", Credentials + "User-Agent:", StringComparison.Ordinal));
        _bye = Encoding.ASCII.GetBytes("BYE sip:1001@192.0.2.10:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK77bye;rport\r\n" +
            "Max-Forwards: 70\r\nFrom: <sip:1001@switch.example.com>;tag=1928301774\r\nTo: <sip:1002@switch.example.com>;tag=c02a1b2c3d4\r\n" +
            "Call-ID: a84b4c76e66710@pc33.example.com\r\nCSeq: 314160 BYE\r\nContent-Length: 0\r\n\r\n");
        _response = Encoding.ASCII.GetBytes("SIP/2.0 180 Ringing\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKc0100112233445566778899aabbccdd\r\n" +
            "From: <sip:1001@192.0.2.1>;tag=c01abcd1234\r\nTo: <sip:1002@192.0.2.20>;tag=xyz\r\nCall-ID: c01deadbeef@centrex\r\nCSeq: 1 INVITE\r\n" +
            "Contact: <sip:1002@192.0.2.20:5060>\r\nContent-Length: 0\r\n\r\n");
        if (Route(_invite) < 0 || Route(_bye) != 2 || Route(_response) != 1)
        {
            throw new InvalidOperationException("the samples must route: an INVITE by its account, a BYE by its To tag, a response by its branch");
        }
    }

    [Benchmark(Baseline = true)]
    public int ParseOnly() => (int)_parser.Parse(_invite);

    [Benchmark]
    public int AuthenticatedInvite() => Route(_invite);

    [Benchmark]
    public int InDialogBye() => Route(_bye);

    [Benchmark]
    public int Response() => Route(_response);

    /// <summary>One datagram from the UDP reader to a partition's slot; the partition number, or -1.</summary>
    private int Route(byte[] datagram)
    {
        var source = _sources.Get(_phoneAddress);
        _receiveSlot.Fill(ReceiveKind.Message, datagram, source);
        if (_parser.Parse(_receiveSlot.Data) != SipParseError.None)
        {
            return -1;
        }

        _metrics.Received.Count(source.Kind, _parser); // as the router counts each message it parsed (issue 14 metrics)
        var partition = _router.Route(_parser, source, out var checkBegun);
        if (partition >= 0)
        {
            _partitionSlot.CopyFrom(_parser);
        }

        if (checkBegun)
        {
            _guard.Report(source, AuthOutcome.Authenticated, "1001", "INVITE", endsCheck: true); // the partition's report, as in the switch
        }

        return partition;
    }
}
