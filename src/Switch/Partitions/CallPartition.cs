using Centrex.Pipeline;
using Centrex.Switch.Calls;
using Centrex.Switch.Clock;
using Centrex.Switch.Registration;
using Centrex.Switch.Sip;
using Centrex.Switch.Transactions;
using Centrex.Switch.Transport;
using NodaTime;

namespace Centrex.Switch.Partitions;

/// <summary>
/// One call-control partition: the transactions, calls, registrations and timers of the customers whose ids map to it
/// (<see cref="PartitionMap"/>), owned outright by the single thread that processes its ring, as in LMAX's
/// business-logic processor. Everything reaches it as an event on that ring: messages from the router, wake-ups from
/// the clock for its <see cref="TimerWheel"/>, transport errors from the send stage, and work (stopping, inspection) from
/// other threads. Nothing here takes a lock, and no other thread reads its state but its call counts, which it publishes as they change.
/// </summary>
internal sealed class CallPartition : IEventHandler<PartitionSlot>, ITimerScheduler
{
    /// <summary>Slots in a partition's ring.</summary>
    public const int RingSize = 8192;

    private readonly ISwitchClock _clock;
    private readonly TimerWheel _wheel;
    private readonly Disruptor<PartitionSlot> _disruptor;
    private readonly Action? _afterTick;
    private readonly Action<SipSource, AuthOutcome, string?, string?, bool> _report;
    private AuthOutcome _authOutcome;
    private string? _authUser;
    private string? _authMethod;
    private ISwitchTimer? _wake;
    private Instant? _wakeAt;
    private long _overflows;

    /// <param name="id">The partition's number.</param>
    /// <param name="clock">The switch's clock.</param>
    /// <param name="build">Makes the partition's stack, transaction user and registrar.</param>
    /// <param name="afterTick">For a manual clock: waits until what a tick queued for sending is sent, so the clock's
    /// step has had all its effects when it returns.</param>
    /// <param name="report">Tells the router what checking a request's credentials found (the source, the outcome, the
    /// user name, the method) and whether it ends a check the router began.</param>
    public CallPartition(int id, ISwitchClock clock, Func<CallPartition, (SipStack Stack, B2bua Core, Registrar Registrar)> build,
        Action<SipSource, AuthOutcome, string?, string?, bool> report, Action? afterTick = null)
    {
        Id = id;
        _report = report;
        _afterTick = afterTick;
        _clock = clock;
        _wheel = new TimerWheel(clock.Now, Duration.FromMilliseconds(10));
        _disruptor = new Disruptor<PartitionSlot>(RingSize, ProducerType.Multi, new BlockingWaitStrategy(), PartitionSlot.Create);
        _disruptor.HandleEventsWith(this);
        (Stack, Core, Registrar) = build(this);
    }

    public int Id { get; }

    /// <summary>
    /// A timer on the partition's wheel. The clock's wake-up is moved earlier at once when this one is due first, so
    /// it is on the clock before anything the caller goes on to send can make a test (or a peer) move the clock on.
    /// </summary>
    public ISwitchTimer Schedule(Instant due, Action callback)
    {
        var timer = _wheel.Schedule(due, callback);
        WakeBy(due);
        return timer;
    }

    /// <inheritdoc cref="Schedule(Instant, Action)"/>
    public TimerHandle Schedule(Instant due, ITimerTarget target, int kind)
    {
        var timer = _wheel.Schedule(due, target, kind);
        WakeBy(due);
        return timer;
    }

    /// <summary>Moves the clock's wake-up to <paramref name="due"/> when that is earlier than the one armed.</summary>
    private void WakeBy(Instant due)
    {
        if (_wakeAt is not { } armed || due < armed)
        {
            Arm(due);
        }
    }

    public SipStack Stack { get; }

    public B2bua Core { get; }

    public Registrar Registrar { get; }

    public int ActiveCalls => Core.ActiveCalls;

    public int ConfirmedCalls => Core.ConfirmedCalls;

    /// <summary>Transactions open in the partition (published by its thread).</summary>
    public int Transactions => Stack.Transactions;

    /// <summary>Messages dropped because the ring was full.</summary>
    public long Overflows => Interlocked.Read(ref _overflows);

    /// <summary>Events published and not yet handled.</summary>
    public long QueueDepth
    {
        get
        {
            var ring = _disruptor.RingBuffer;
            return ring.BufferSize - ring.RemainingCapacity();
        }
    }

    public void Start() => _disruptor.Start();

    /// <summary>
    /// Queues a parsed message (copied into the slot, so the caller keeps its own); false, and the message dropped, when
    /// the ring is full: a partition that cannot keep up sheds load instead of stalling the router and every other
    /// partition behind it (UDP peers retransmit). <paramref name="checkBegun"/>: the router began a check of its
    /// credentials, which the partition reports ended once the message is handled.
    /// </summary>
    public bool TryPublishMessage(SipMessage message, SipSource source, int hops, bool checkBegun = false, RouteMark mark = RouteMark.None)
    {
        var ring = _disruptor.RingBuffer;
        if (!ring.TryNext(out var sequence))
        {
            Interlocked.Increment(ref _overflows);
            return false;
        }

        ref var slot = ref ring[sequence];
        slot.Kind = PartitionEventKind.Message;
        slot.Message.CopyFrom(message);
        slot.Source = source;
        slot.Hops = hops;
        slot.CheckBegun = checkBegun;
        slot.Mark = mark;
        ring.Publish(sequence);
        return true;
    }

    /// <summary>Tells the partition that a request of its client <paramref name="transaction"/> could not be sent.</summary>
    public void PublishTransportError(ClientTransaction transaction) => Publish(PartitionEventKind.TransportError, null, transaction, null);

    /// <summary>
    /// From the thread-pool thread that finished it: a flow node's network work, for the partition's thread to resume the
    /// call's flow with (waits for a slot if the ring is full: the result must not be lost, or the work would stay counted).
    /// </summary>
    public void PublishFlowResult(FlowWork work)
    {
        var ring = _disruptor.RingBuffer;
        var sequence = ring.Next();
        ref var slot = ref ring[sequence];
        slot.Kind = PartitionEventKind.FlowResult;
        slot.FlowWork = work;
        slot.Work = null;
        slot.Transaction = null;
        slot.Source = null;
        slot.Done = null;
        ring.Publish(sequence);
    }

    /// <summary>Runs <paramref name="work"/> on the partition's thread and waits for it.</summary>
    public void Run(Action work)
    {
        using var done = new ManualResetEventSlim();
        Publish(PartitionEventKind.Work, work, null, done);
        done.Wait();
    }

    /// <summary>Reads something of the partition's state on its own thread.</summary>
    public T Read<T>(Func<T> read)
    {
        T result = default!;
        Run(() => result = read());
        return result;
    }

    /// <summary>Drains what was queued and stops the thread.</summary>
    public void Stop()
    {
        Run(() =>
        {
            _wake?.Cancel();
            _wake = null;
        });
        _disruptor.Shutdown(TimeSpan.FromSeconds(10));
    }

    public void OnEvent(ref PartitionSlot data, long sequence, bool endOfBatch)
    {
        try
        {
            switch (data.Kind)
            {
                case PartitionEventKind.Message:
                    Stack.OnMessage(data.Message, data.Source!, data.Hops, data.Mark);
                    ReportAuthentication(data.Source!, data.CheckBegun);
                    break;
                case PartitionEventKind.Tick:
                    _wakeAt = null;
                    _wheel.RunDue(_clock.Now);
                    break;
                case PartitionEventKind.Work:
                    data.Work!();
                    break;
                case PartitionEventKind.TransportError:
                    Stack.OnTransportError(data.Transaction!);
                    break;
                case PartitionEventKind.FlowResult:
                    Core.OnFlowWorkDone(data.FlowWork!);
                    break;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in handling one event must not stop the partition (bad input never stops the switch).
            Console.Error.WriteLine($"centrex: partition {Id}: error handling {data.Kind} from {data.Source}: {e.GetType().Name}: {e.Message}");
        }

        if (endOfBatch)
        {
            try
            {
                Core.OnBatchEnd(); // the CANCELs of forked legs that lost, deferred to here (B2bua.Forks.cs)
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Console.Error.WriteLine($"centrex: partition {Id}: error cancelling lost legs: {e.GetType().Name}: {e.Message}");
            }

            _wheel.RunDue(_clock.Now); // what fell due while the batch was handled
            Rearm();
        }

        var done = data.Done;
        data.Source = null;
        data.Work = null;
        data.Transaction = null;
        data.Done = null;
        data.FlowWork = null;
        done?.Set();
    }

    /// <summary>
    /// Records what checking the credentials of the request being handled found (<see cref="AuthGuard"/>, on this
    /// thread), for <see cref="ReportAuthentication"/> to send once the request is handled.
    /// </summary>
    public void RecordAuthentication(AuthOutcome outcome, string? user, string method)
    {
        _authOutcome = outcome;
        _authUser = user;
        _authMethod = method;
    }

    /// <summary>
    /// Reports the request's authentication to the router: always when the router began a check for it (a
    /// retransmission the transaction layer absorbed, or a request refused before its credentials were looked at, still
    /// ends its check: otherwise it would count as in flight until the timeout and crowd out the source's next calls),
    /// and whenever something was found.
    /// </summary>
    private void ReportAuthentication(SipSource source, bool checkBegun)
    {
        if (checkBegun || _authOutcome != AuthOutcome.None)
        {
            _report(source, _authOutcome, _authUser, _authMethod, checkBegun);
        }

        _authOutcome = AuthOutcome.None;
        _authUser = null;
        _authMethod = null;
    }

    /// <summary>Keeps one wake-up on the clock, at the wheel's earliest timer (a later one that fires early is harmless).</summary>
    private void Rearm()
    {
        if (_wheel.NextDue() is { } next && (_wakeAt is not { } armed || next < armed))
        {
            Arm(next);
        }
    }

    private void Arm(Instant at)
    {
        _wake?.Cancel();
        _wakeAt = at;
        var delay = at - _clock.Now;
        _wake = _clock.Schedule(delay > Duration.Zero ? delay : Duration.Zero, Wake);
    }

    /// <summary>On the clock's thread: a tick for the partition's thread. A manual clock waits for it to be handled.</summary>
    private void Wake()
    {
        if (_clock.WaitsForTimers)
        {
            using var done = new ManualResetEventSlim();
            Publish(PartitionEventKind.Tick, null, null, done);
            done.Wait();
            _afterTick?.Invoke();
        }
        else
        {
            Publish(PartitionEventKind.Tick, null, null, null);
        }
    }

    private void Publish(PartitionEventKind kind, Action? work, ClientTransaction? transaction, ManualResetEventSlim? done)
    {
        var ring = _disruptor.RingBuffer;
        var sequence = ring.Next();
        ref var slot = ref ring[sequence];
        slot.Kind = kind;
        slot.Work = work;
        slot.Transaction = transaction;
        slot.Source = null;
        slot.Done = done;
        ring.Publish(sequence);
    }
}
