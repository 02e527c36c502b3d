using Centrex.Rating.Money;
using Centrex.Switch.Admission;
using Centrex.Switch.Authorization;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Cdrs;

/// <summary>The real-time path end to end: ring buffer, rating kernel, a real ledger, the CDR store on disk.</summary>
public sealed class RealTimeCdrSinkTests : IDisposable
{
    private readonly LedgerFolder _ledger = new();
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2)); // a hang fails the test, never times it

    public void Dispose()
    {
        _guard.Dispose();
        _ledger.Dispose();
    }

    private RealTimeCdrSink Sink() => new(TestTariff.Rater, _ledger.Writer, _ledger.DataDirectory, ringSize: 64);

    [Fact]
    public void AnsweredOutgoingCall_BalanceMovesOnceCommittedAndTheHoldIsReleasedAfter()
    {
        _ledger.TopUp("acme", 1_000);
        var authorizer = new CallAuthorizer(TestTariff.Rater, new LedgerBalanceSource(_ledger.Store));
        Assert.True(authorizer.TryAuthorize(new SwitchAccount("acme", AccountType.Debit), "2125551234"u8, out var hold, out _));
        Assert.Equal(new Mills(960), authorizer.Held("acme")); // 16 whole minutes: the 17th would cost 1,020

        using var sink = Sink();
        var ticket = sink.Emit(Cdr.Answered("call-1", "acme", "2125551234", 61), hold);
        sink.WaitForCommit(ticket, _guard.Token);

        // 61 s at one mill a second in 60/60 increments: 120 mills.
        Assert.Equal(new Mills(880), _ledger.Store.Balance("acme"));
        Assert.True(hold.IsReleased);
        Assert.Equal(Mills.Zero, authorizer.Held("acme"));
        Assert.Equal(1, sink.Counters.Charged);
        Assert.True(_ledger.ContainsCdr("call-1"));
    }

    [Fact]
    public void ChargeAdjuster_SeesEachNewCallOnce_AndTheBalanceMovesByTheAdjustedNetCharge()
    {
        var adjusted = new List<string>();
        ChargeAdjuster discount = entry =>
        {
            adjusted.Add(System.Text.Encoding.UTF8.GetString(Centrex.Ledger.Journal.RatedCdrCodec.Id(entry)));
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(entry[40..], 20); // RatedCdrCodec: discount mills at 40
        };

        using (var sink = new RealTimeCdrSink(TestTariff.Rater, _ledger.Writer, _ledger.DataDirectory, ringSize: 64, adjust: discount))
        {
            sink.WaitForCommit(sink.Emit(Cdr.Answered("call-d", "acme", "2125551234", 61)), _guard.Token);
            sink.WaitForCommit(sink.Emit(Cdr.Answered("call-d", "acme", "2125551234", 61)), _guard.Token); // a repeat: not adjusted, not charged
        }

        // 120 mills charged, 20 discounted: the balance moves by the net 100.
        Assert.Equal(new Mills(-100), _ledger.Store.Balance("acme"));
        Assert.Equal(["call-d"], adjusted);
    }

    [Fact]
    public async Task Lag_GrowsWhileTheLedgerHoldsTheStagesCommit_AndIsZeroOnceCommitted()
    {
        using var sink = Sink();
        using var release = new ManualResetEventSlim();
        var blocker = _ledger.Writer.Submit(_ =>
        {
            release.Wait(_guard.Token); // the disk "hangs": the stage's commit waits behind this
            return 0;
        });
        var ticket = sink.Emit(Cdr.Answered("lag-1", "acme", "2125551234", 61));

        Assert.True(SpinWait.SpinUntil(() => sink.Counters.Lag >= TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(30)));
        Assert.Equal(1, sink.Backlog); // the CDR the stage is working on
        release.Set();
        sink.WaitForCommit(ticket, _guard.Token);

        Assert.Equal(TimeSpan.Zero, sink.Counters.Lag);
        Assert.True(SpinWait.SpinUntil(() => sink.Backlog == 0, TimeSpan.FromSeconds(30)));
        Assert.Equal(0, await blocker);
    }

    [Fact]
    public void UnansweredAndIncomingCalls_StoredButNotCharged()
    {
        using (var sink = Sink())
        {
            sink.Emit(Cdr.Failed("busy-1", "acme", CallDisposition.Busy));
            sink.Emit(Cdr.Failed("limit-1", "acme", CallDisposition.RefusedByLimit));
            var ticket = sink.Emit(Cdr.Answered("in-1", "acme", "2125551234", 30, direction: CallDirection.Incoming));
            sink.WaitForCommit(ticket, _guard.Token);
            Assert.Equal(3, sink.Counters.Stored);
            Assert.Equal(0, sink.Counters.Charged);
        }

        Assert.Equal(Mills.Zero, _ledger.Store.Balance("acme"));
        Assert.Equal(["busy-1", "limit-1", "in-1"], CdrStore.Read(_ledger.DataDirectory, Cdr.Noon, Cdr.Noon + Duration.FromDays(1)).Select(c => c.Id));
    }

    [Fact]
    public void ForwardedIncomingCall_ChargedToTheForwardingAccount()
    {
        using var sink = Sink();
        var ticket = sink.Emit(Cdr.Answered("fw-1", "acme", "+447700900123", 30, direction: CallDirection.Incoming, forwarded: true));
        sink.WaitForCommit(ticket, _guard.Token);
        Assert.Equal(new Mills(-65), _ledger.Store.Balance("acme")); // 50 connect + 30 s at half a mill
    }

    [Fact]
    public void SameCdrTwice_ChargedOnceAndCountedAsDuplicate()
    {
        using var sink = Sink();
        sink.Emit(Cdr.Answered("dup", "acme", "2125551234", 60));
        var ticket = sink.Emit(Cdr.Answered("dup", "acme", "2125551234", 60));
        sink.WaitForCommit(ticket, _guard.Token);
        Assert.Equal(new Mills(-60), _ledger.Store.Balance("acme"));
        Assert.Equal(1, sink.Counters.Duplicates);
    }

    [Fact]
    public void UnpricedNumber_StoredAndCountedUnrated()
    {
        using var sink = Sink();
        var ticket = sink.Emit(Cdr.Answered("fr", "acme", "+33123456789", 60));
        sink.WaitForCommit(ticket, _guard.Token);
        Assert.Equal(1, sink.Counters.Unrated);
        Assert.Equal(Mills.Zero, _ledger.Store.Balance("acme"));
    }

    [Fact]
    public void AccountIdTooLongForTheLedger_StoredAndCountedUnratedWithoutStoppingTheSink()
    {
        using var sink = Sink();
        sink.Emit(Cdr.Answered("long", new string('a', 57), "2125551234", 60));
        var ticket = sink.Emit(Cdr.Answered("after", "acme", "2125551234", 60));
        sink.WaitForCommit(ticket, _guard.Token);
        Assert.Equal(1, sink.Counters.Unrated);
        Assert.Equal(1, sink.Counters.Charged);
        Assert.Equal(2, sink.Counters.Stored);
    }

    [Fact]
    public void ManyProducers_EveryCdrStoredAndChargedExactlyOnce()
    {
        const int producers = 4;
        const int perProducer = 300;
        using (var sink = Sink())
        {
            var tickets = new long[producers];
            Parallel.For(0, producers, p =>
            {
                for (var i = 0; i < perProducer; i++)
                {
                    tickets[p] = sink.Emit(Cdr.Answered($"p{p}-{i}", "acct" + (i % 3), "2125551234", 1 + (i % 120)));
                }
            });
            sink.WaitForCommit(tickets.Max(), _guard.Token);
            Assert.Equal(producers * perProducer, sink.Counters.Charged);
        }

        // Per account: calls i ≡ a (mod 3), each billed in whole minutes at 60 mills a minute.
        for (var a = 0; a < 3; a++)
        {
            var expected = Enumerable.Range(0, perProducer).Where(i => i % 3 == a).Sum(i => ((1 + (i % 120) + 59) / 60) * 60L) * producers;
            Assert.Equal(new Mills(-expected), _ledger.Store.Balance("acct" + a));
        }

        Assert.Equal(producers * perProducer, CdrStore.Read(_ledger.DataDirectory, Cdr.Noon, Cdr.Noon + Duration.FromDays(1)).Count());
    }

    [Fact]
    public void Dispose_DrainsWhatWasEmitted()
    {
        using (var sink = Sink())
        {
            for (var i = 0; i < 100; i++)
            {
                sink.Emit(Cdr.Answered("d" + i, "acme", "2125551234", 60));
            }
        }

        Assert.Equal(new Mills(-6_000), _ledger.Store.Balance("acme"));
    }
}
