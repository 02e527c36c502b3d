using System.Net;
using Centrex.Pipeline;
using Centrex.Switch.Calls;
using Centrex.Switch.Metrics;
using Centrex.Switch.Registration;
using Centrex.Switch.Sip;
using Centrex.Switch.Transactions;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Partitions;

/// <summary>
/// The switch's stages on the pipeline's ring buffers (issue 14), and the glue between them:
/// <code>
/// UDP readers, TCP connections, internal hops --> receive ring --> router (parse, route)
///     --> partition rings (one single-threaded call-control processor each) --> send ring --> send stage --> sockets
/// </code>
/// Producers that must never wait (the socket readers, the router, a partition handing a CANCEL on) claim slots with
/// TryNext and drop what does not fit, as a loaded UDP server does; the rest (a partition's outgoing messages, the
/// clock's wake-ups) wait for a slot. CDRs leave call control for the rating stage through the CDR sink's own ring.
/// </summary>
internal sealed class SwitchPipeline : ISipReceiver, ISipSender
{
    /// <summary>Slots in the receive ring and in the send ring.</summary>
    public const int RingSize = 16_384;

    private readonly Disruptor<ReceiveSlot> _receive;
    private readonly Disruptor<SendSlot> _send;
    private readonly CallPartition[] _partitions;
    private readonly SipTransports _transports;
    private long _receiveOverflows;

    public SwitchPipeline(SipSwitchSettings settings, SipTransports transports)
    {
        _transports = transports;
        Map = new PartitionMap(settings.Partitions);
        var directory = settings.Directory;
        var statelessTags = new StatelessTags();
        var nonceKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var log = new AuthFailureLog(settings.AuthLog, settings.Clock);
        _partitions = new CallPartition[Map.Count];
        for (var i = 0; i < _partitions.Length; i++)
        {
            _partitions[i] = new CallPartition(i, settings.Clock, partition =>
            {
                var stack = new SipStack(partition.Id, this, settings.Clock, partition, statelessTags)
                {
                    PartitionCount = Map.Count,
                    Metrics = settings.Metrics,
                    ForwardCancel = (target, message, source, hops) => _partitions[target].TryPublishMessage(message, source, hops),
                };
                var authenticator = new DigestAuthenticator(directory, settings.Clock, settings.NonceLifetime, settings.AuthLimits.MaxTrackedNonces, nonceKey);
                var auth = new AuthGuard(authenticator, partition.RecordAuthentication, log, () => directory.Realm, account => Map.Of(account.CustomerId) == partition.Id);
                var registrar = new Registrar(settings.Clock);
                var core = new B2bua(stack, directory, registrar, auth, settings.Hooks, settings.Options, Map.Of) { PostFlowWork = partition.PublishFlowResult };
                stack.Core = core;
                return (stack, core, registrar);
            }, ReportAuthentication, () => Drain(_send!));
        }

        var guard = new SourceGuard(new AuthFailureTracker(settings.AuthLimits, settings.Clock), new AuthChecksInFlight(settings.AuthLimits, settings.Clock),
            new ProvenCredentials(settings.AuthLimits, settings.Clock), log, () => directory.Realm);
        Metrics = settings.Metrics;
        Router = new SipRouter(Map, () => directory.Current, i => _partitions[i], this, guard, statelessTags, new SourceRateLimiter(settings.SourceRates, settings.Clock),
            new SourceRateLimiter(settings.EmergencyRates, settings.Clock), new SourceRateLimiter(settings.BlockedSourceDialogRates, settings.Clock), Metrics);
        _receive = new Disruptor<ReceiveSlot>(RingSize, ProducerType.Multi, new BlockingWaitStrategy(), ReceiveSlot.Create);
        _receive.HandleEventsWith(Router);
        Sender = new SendStage(transports, Loopback, i => _partitions[i], Metrics);
        _send = new Disruptor<SendSlot>(RingSize, ProducerType.Multi, new BlockingWaitStrategy());
        _send.HandleEventsWith(Sender);
    }

    public PartitionMap Map { get; }

    public IReadOnlyList<CallPartition> Partitions => _partitions;

    public SipRouter Router { get; }

    public SendStage Sender { get; }

    /// <summary>What the stages count (messages, refusals, retransmissions, ended calls).</summary>
    public SwitchMetrics Metrics { get; }

    /// <summary>Messages received and not yet routed: the receive ring's occupied slots.</summary>
    public long ReceiveQueueDepth => Occupied(_receive.RingBuffer);

    /// <summary>Messages queued and not yet sent: the send ring's occupied slots.</summary>
    public long SendQueueDepth => Occupied(_send.RingBuffer);

    /// <summary>Messages dropped because the receive ring was full.</summary>
    public long ReceiveOverflows => Interlocked.Read(ref _receiveOverflows);

    /// <inheritdoc/>
    public IPEndPoint LocalEndpoint => _transports.UdpEndpoint ?? new IPEndPoint(IPAddress.Loopback, 5060);

    /// <inheritdoc/>
    public IPEndPoint LocalEndpointFor(SipTransportKind kind) =>
        kind == SipTransportKind.Tls && _transports.TlsEndpoint is { } tls ? tls : LocalEndpoint;

    /// <summary>Starts the stages from the last to the first, so nothing is published to a stage not yet running.</summary>
    public void Start()
    {
        _send.Start();
        foreach (var partition in _partitions)
        {
            partition.Start();
        }

        _receive.Start();
        Sender.InternalSource = new SipSource(SipTransportKind.Internal, LocalEndpoint, null);
    }

    /// <summary>Ends every call in progress (each partition on its own thread) and sends what that produced.</summary>
    public void EndAllCalls()
    {
        foreach (var partition in _partitions)
        {
            partition.Run(partition.Core.EndAll);
        }

        Drain(_send);
    }

    /// <summary>Waits until the send stage has sent everything queued so far.</summary>
    public void WaitForSends() => Drain(_send);

    /// <summary>Waits until the router has handled everything published to the receive ring so far.</summary>
    public void WaitForRouter() => Drain(_receive);

    /// <summary>Stops every stage, after the transports stopped receiving.</summary>
    public void Stop()
    {
        _receive.Shutdown(TimeSpan.FromSeconds(10));
        foreach (var partition in _partitions)
        {
            partition.Stop();
        }

        _send.Shutdown(TimeSpan.FromSeconds(10));
    }

    /// <inheritdoc/>
    public void OnReceived(ReadOnlySpan<byte> data, SipSource source) => TryReceive(ReceiveKind.Message, data, source, SipParseError.None);

    /// <inheritdoc/>
    public void OnUnframed(ReadOnlySpan<byte> data, SipParseError error, SipSource source) => TryReceive(ReceiveKind.Unframed, data, source, error);

    /// <inheritdoc/>
    public void Send(SipTransportKind kind, IPEndPoint to, byte[] bytes, SipConnection? connection, ClientTransaction? transaction, int partition)
    {
        var ring = _send.RingBuffer;
        var sequence = ring.Next();
        ref var slot = ref ring[sequence];
        slot.Kind = kind;
        slot.To = to;
        slot.Connection = connection;
        slot.Bytes = bytes;
        slot.Transaction = transaction;
        slot.Partition = partition;
        ring.Publish(sequence);
    }

    private void Loopback(byte[] bytes, SipSource source) => TryReceive(ReceiveKind.Message, bytes, source, SipParseError.None);

    private void TryReceive(ReceiveKind kind, ReadOnlySpan<byte> data, SipSource source, SipParseError error)
    {
        var ring = _receive.RingBuffer;
        if (!ring.TryNext(out var sequence))
        {
            Interlocked.Increment(ref _receiveOverflows);
            return;
        }

        ref var slot = ref ring[sequence];
        slot.Fill(kind, data, source);
        slot.Error = error;
        ring.Publish(sequence);
    }

    /// <summary>
    /// On a partition's thread: what checking a request's credentials found, for the router to count (a report that
    /// finds the ring full is dropped: a lost failure goes uncounted, a lost check end counts as in flight until
    /// <see cref="SipAuthLimits.CheckTimeout"/>).
    /// </summary>
    private void ReportAuthentication(SipSource source, AuthOutcome outcome, string? user, string? method, bool endsCheck)
    {
        var ring = _receive.RingBuffer;
        if (!ring.TryNext(out var sequence))
        {
            Interlocked.Increment(ref _receiveOverflows);
            return;
        }

        ref var slot = ref ring[sequence];
        slot.Fill(ReceiveKind.AuthReport, default, source);
        slot.Outcome = outcome;
        slot.User = user;
        slot.Method = method;
        slot.EndsCheck = endsCheck;
        ring.Publish(sequence);
    }

    /// <summary>Slots published (or claimed) and not yet handled by the ring's consumer: read from any thread, so approximate.</summary>
    private static long Occupied<T>(RingBuffer<T> ring)
        where T : struct => ring.BufferSize - ring.RemainingCapacity();

    private static void Drain<T>(Disruptor<T> disruptor)
        where T : struct
    {
        var target = disruptor.RingBuffer.Cursor;
        var spinner = default(SpinWait);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (disruptor.RingBuffer.GetMinimumGatingSequence() < target && !patience.IsCancellationRequested)
        {
            spinner.SpinOnce();
        }
    }
}
