using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Centrex.Switch.Clock;
using Centrex.Switch.Sip;
using Centrex.Switch.Transactions;
using Centrex.Switch.Transport;
using NodaTime;

namespace Centrex.Bench.Switch;

/// <summary>
/// Issue 14's p99 tail is garbage collection of what transactions keep alive for their 32-second timers (Timer J,
/// RFC 6026's L and M: bench/README.md, "Where the p99 tail comes from"). These drive one partition's real
/// <see cref="SipStack"/> and <see cref="TimerWheel"/> on a manual clock at 1,000 operations a simulated second, so
/// about 32,000 operations' transactions wait out their timers at once, as at 1,000 calls/s:
/// <list type="bullet">
/// <item><see cref="ByeServerTransaction"/> (baseline): a BYE in, its 200 out, Timer J.</item>
/// <item><see cref="CallTransactions"/>: a call's four transactions as the B2BUA drives them: the caller's INVITE
/// (100, 200, Timer L), the callee's INVITE (Timers A and B, 180, 200 ACKed, Timer M), the caller's BYE (200, Timer J)
/// and the callee's BYE (Timers E and F, 200, Timer K). What the B2BUA itself builds (the B-leg requests, the
/// responses) is allocated here too, the same before and after.</item>
/// </list>
/// <see cref="MeasureRetained"/> (<c>-- transaction-retained</c>) reports the bytes those transactions keep alive.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class TransactionTimerBenchmarks
{
    private const string PhoneBranch = "z9hG4bK-0000000000";
    private static readonly Duration Step = Duration.FromMilliseconds(1);

    private readonly SipMessage _slot = new(8192);
    private ManualSwitchClock _clock = null!;
    private TimerWheel _wheel = null!;
    private SipStack _stack = null!;
    private BenchCore _core = null!;
    private SipSource _phone = null!;
    private SipSource _gateway = null!;
    private byte[] _inviteA = null!;
    private byte[] _ackA = null!;
    private byte[] _byeA = null!;
    private byte[] _inviteB = null!;
    private byte[] _byeB = null!;
    private byte[] _ringingB = null!;
    private byte[] _okInviteB = null!;
    private byte[] _okByeB = null!;
    private int _branchLength;
    private long _operations;

    /// <summary>Transactions open in the partition.</summary>
    internal int OpenTransactions => _stack.Transactions;

    /// <summary>Timers on the wheel.</summary>
    internal int PendingTimers => _wheel.Count;

    [GlobalSetup]
    public void Setup()
    {
        _clock = new ManualSwitchClock(Instant.FromUtc(2026, 12, 5, 9, 0));
        _wheel = new TimerWheel(_clock.Now, Duration.FromMilliseconds(10));
        var sender = new NullSender();
        _stack = new SipStack(0, sender, _clock, new WheelScheduler(_wheel), new StatelessTags());
        _core = new BenchCore(sender.LocalEndpoint);
        _stack.Core = _core;
        _phone = new SipSource(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060), null);
        _gateway = new SipSource(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.20"), 5060), null);
        _branchLength = _stack.NewBranch().Length;
        var ours = new string('B', _branchLength);

        const string Dialog = "From: \"Alice\" <sip:1001@switch.example.com>;tag=1928301774\r\nCall-ID: a84b4c76e66710@pc33.example.com\r\n";
        _inviteA = Ascii(Centrex.Switch.Tests.Sip.SampleMessages.Invite.Replace("z9hG4bK776asdhds", PhoneBranch, StringComparison.Ordinal));
        _ackA = Ascii($"ACK sip:c00abc@192.0.2.1:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch={PhoneBranch}a;rport\r\nMax-Forwards: 70\r\n" +
            $"{Dialog}To: <sip:1002@switch.example.com>;tag=c00abcdef01\r\nCSeq: 314159 ACK\r\nContent-Length: 0\r\n\r\n");
        _byeA = Ascii($"BYE sip:c00abc@192.0.2.1:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch={PhoneBranch}b;rport\r\nMax-Forwards: 70\r\n" +
            $"{Dialog}To: <sip:1002@switch.example.com>;tag=c00abcdef01\r\nCSeq: 314160 BYE\r\nContent-Length: 0\r\n\r\n");
        const string BDialog = "From: <sip:1001@192.0.2.1>;tag=c00a1b2c3d4\r\nCall-ID: c00deadbeef0123456789@centrex\r\n";
        const string Sdp = "v=0\r\no=centrex 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0 18\r\na=rtpmap:0 PCMU/8000\r\n";
        _inviteB = Ascii($"INVITE sip:1002@192.0.2.20:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch={ours}\r\nMax-Forwards: 70\r\n" +
            $"{BDialog}To: <sip:1002@192.0.2.20>\r\nCSeq: 1 INVITE\r\nContact: <sip:c00@192.0.2.1:5060>\r\nContent-Type: application/sdp\r\nContent-Length: {Sdp.Length}\r\n\r\n{Sdp}");
        _byeB = Ascii($"BYE sip:1002@192.0.2.20:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch={ours}\r\nMax-Forwards: 70\r\n" +
            $"{BDialog}To: <sip:1002@192.0.2.20>;tag=xyz\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n");
        _ringingB = Ascii($"SIP/2.0 180 Ringing\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch={ours}\r\n{BDialog}To: <sip:1002@192.0.2.20>;tag=xyz\r\n" +
            "CSeq: 1 INVITE\r\nContact: <sip:1002@192.0.2.20:5060>\r\nContent-Length: 0\r\n\r\n");
        _okInviteB = Ascii($"SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch={ours}\r\n{BDialog}To: <sip:1002@192.0.2.20>;tag=xyz\r\n" +
            "CSeq: 1 INVITE\r\nContact: <sip:1002@192.0.2.20:5060>\r\nContent-Length: 0\r\n\r\n");
        _okByeB = Ascii($"SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch={ours}\r\n{BDialog}To: <sip:1002@192.0.2.20>;tag=xyz\r\n" +
            "CSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n");

        // One call, checked: every transaction opened, answered and waiting out its timer, none refused.
        CallTransactions();
        if (_stack.ServerTransactionCount != 2 || _stack.ClientTransactionCount != 2 || _core.Answered != 2 || _core.Finals != 2 || _stack.StatelessResponses != 0)
        {
            throw new InvalidOperationException(
                $"the call's transactions must all open and be answered: {_stack.ServerTransactionCount} server, {_stack.ClientTransactionCount} client, " +
                $"{_core.Answered} answered, {_core.Finals} final responses, {_stack.StatelessResponses} refused");
        }
    }

    [Benchmark(Baseline = true)]
    public int ByeServerTransaction()
    {
        var n = ++_operations;
        Receive(_byeA, n, _phone);
        Tick();
        return _stack.Transactions;
    }

    [Benchmark]
    public int CallTransactions()
    {
        var n = ++_operations;
        Receive(_inviteA, n, _phone);

        var branch = _stack.NewBranch();
        var invite = WithBranch(_inviteB, branch);
        _stack.SendRequest(invite, branch, SipTransportKind.Udp, _gateway.Remote, null, _core);
        Receive(_ringingB, branch, _gateway);
        Receive(_okInviteB, branch, _gateway);
        _core.AInvite!.Respond(200, "OK");
        Receive(_ackA, n, _phone);

        Receive(_byeA, n, _phone);
        branch = _stack.NewBranch();
        _stack.SendRequest(WithBranch(_byeB, branch), branch, SipTransportKind.Udp, _gateway.Remote, null, _core);
        Receive(_okByeB, branch, _gateway);
        Tick();
        return _stack.Transactions;
    }

    /// <summary>
    /// Bytes kept alive per call by the transactions waiting out their timers: <paramref name="calls"/> calls at 1,000 a
    /// simulated second (about 32,000 calls' transactions alive at the end), heap measured with them and after they ended.
    /// </summary>
    public static void MeasureRetained(int calls)
    {
        var bench = new TransactionTimerBenchmarks();
        bench.Setup();
        for (var i = 0; i < calls; i++)
        {
            bench.CallTransactions();
        }

        var transactions = bench.OpenTransactions;
        var timers = bench.PendingTimers;
        var with = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            bench.CallTransactions();
        }

        var allocatedPerCall = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1_000;
        bench._clock.Advance(Duration.FromSeconds(40));
        bench._wheel.RunDue(bench._clock.Now);
        var without = GC.GetTotalMemory(forceFullCollection: true);
        // Timers J, L and M keep three of a call's transactions 32 s, Timer K the callee's BYE 5 s: the last 32,000 calls.
        var alive = Math.Min(calls, 32_000);
        Console.WriteLine($"{calls} calls at 1,000/s: {transactions} transactions and {timers} timers open at the end (the last {alive} calls')");
        Console.WriteLine($"heap with them {with / 1024 / 1024.0:F1} MiB, after they ended {without / 1024 / 1024.0:F1} MiB, open transactions now {bench.OpenTransactions}");
        Console.WriteLine($"retained per call: {(with - without) / alive} bytes; per open transaction: {(with - without) / transactions} bytes; allocated per call: {allocatedPerCall} bytes");
    }

    private void Receive(byte[] template, long n, SipSource source)
    {
        // The phone's branch numbered like the ring slot the router fills: parsed in place, borrowed by the stack.
        var at = template.AsSpan().IndexOf("z9hG4bK-"u8) + 8;
        n.TryFormat(template.AsSpan(at, 10), out _, "D10", System.Globalization.CultureInfo.InvariantCulture);
        Parse(template);
        _stack.OnMessage(_slot, source, 0);
    }

    private void Receive(byte[] template, string branch, SipSource source)
    {
        var at = template.AsSpan().IndexOf("branch="u8) + 7;
        Encoding.ASCII.GetBytes(branch, template.AsSpan(at, _branchLength));
        Parse(template);
        _stack.OnMessage(_slot, source, 0);
    }

    private void Parse(byte[] bytes)
    {
        if (_slot.Parse(bytes) != SipParseError.None)
        {
            throw new InvalidOperationException("a sample did not parse");
        }
    }

    private byte[] WithBranch(byte[] template, string branch)
    {
        var bytes = (byte[])template.Clone(); // the B2BUA builds each request anew: the transaction keeps it
        var at = bytes.AsSpan().IndexOf("branch="u8) + 7;
        Encoding.ASCII.GetBytes(branch, bytes.AsSpan(at, _branchLength));
        return bytes;
    }

    private void Tick()
    {
        _clock.Advance(Step);
        _wheel.RunDue(_clock.Now);
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>The partition's scheduling onto its wheel, without the partition's ring.</summary>
    private sealed class WheelScheduler(TimerWheel wheel) : ITimerScheduler
    {
        public ISwitchTimer Schedule(Instant due, Action callback) => wheel.Schedule(due, callback);

        public TimerHandle Schedule(Instant due, ITimerTarget target, int kind) => wheel.Schedule(due, target, kind);
    }

    /// <summary>The send stage, dropping everything.</summary>
    private sealed class NullSender : ISipSender
    {
        public IPEndPoint LocalEndpoint { get; } = new(IPAddress.Parse("192.0.2.1"), 5060);

        public IPEndPoint LocalEndpointFor(SipTransportKind kind) => LocalEndpoint;

        public void Send(SipTransportKind kind, IPEndPoint to, byte[] bytes, SipConnection? connection, ClientTransaction? transaction, int partition)
        {
        }
    }

    /// <summary>What the B2BUA does at the transaction layer: answers BYEs, ACKs the callee's 2xx, keeps the caller's INVITE.</summary>
    private sealed class BenchCore(IPEndPoint self) : ISipCore, IClientTransactionUser
    {
        private readonly byte[] _ack = Encoding.ASCII.GetBytes("ACK sip:1002@192.0.2.20:5060 SIP/2.0\r\n\r\n");

        public ServerTransaction? AInvite { get; private set; }

        public int Answered { get; private set; }

        public int Finals { get; private set; }

        public bool TryAdmit(SipMessage request, SipSource source, out object? userState)
        {
            userState = null;
            return true;
        }

        public void OnRequest(ServerTransaction transaction)
        {
            if (transaction.IsInvite)
            {
                AInvite = transaction;
                return;
            }

            Answered++;
            transaction.Respond(200, "OK");
        }

        public void OnCancel(ServerTransaction invite)
        {
        }

        public void OnAck(SipMessage ack, SipSource source) => Answered++;

        public void OnStrayResponse(SipMessage response, SipSource source)
        {
        }

        public void OnAckTimeout(ServerTransaction invite)
        {
        }

        public void OnResponse(ClientTransaction transaction, SipMessage response)
        {
            if (response.StatusCode >= 200)
            {
                Finals++;
                if (transaction.IsInvite)
                {
                    transaction.Acked(_ack, SipTransportKind.Udp, self, null); // as the B2BUA after its ACK went
                }
            }
        }

        public void OnTimeout(ClientTransaction transaction) => throw new InvalidOperationException("no timeout expected");
    }
}
