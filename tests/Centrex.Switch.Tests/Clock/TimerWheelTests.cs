using Centrex.Switch.Clock;
using NodaTime;

namespace Centrex.Switch.Tests.Clock;

/// <summary>The partition's timing wheel against the plain definition: every timer runs once, at or after its due
/// instant, in due order, never after it was cancelled.</summary>
public sealed class TimerWheelTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 12, 5, 9, 0);

    [Fact]
    public void Timers_RunInDueOrder_TiesInSchedulingOrder_OnlyWhenDue()
    {
        var wheel = new TimerWheel(Start, Duration.FromMilliseconds(10));
        var ran = new List<string>();
        wheel.Schedule(Start + Duration.FromMilliseconds(503), () => ran.Add("c"));
        wheel.Schedule(Start + Duration.FromMilliseconds(500), () => ran.Add("a"));
        wheel.Schedule(Start + Duration.FromMilliseconds(500), () => ran.Add("b"));
        wheel.Schedule(Start + Duration.FromMilliseconds(1500), () => ran.Add("d"));

        wheel.RunDue(Start + Duration.FromMilliseconds(502));
        Assert.Equal(["a", "b"], ran);
        wheel.RunDue(Start + Duration.FromMilliseconds(1499));
        Assert.Equal(["a", "b", "c"], ran);
        wheel.RunDue(Start + Duration.FromMilliseconds(1500));
        Assert.Equal(["a", "b", "c", "d"], ran);
        Assert.Equal(0, wheel.Count);
    }

    [Fact]
    public void CancelledTimers_NeverRun_AndLeaveTheWheel()
    {
        var wheel = new TimerWheel(Start, Duration.FromMilliseconds(10));
        var ran = 0;
        var near = wheel.Schedule(Start + Duration.FromSeconds(1), () => ran++);
        var far = wheel.Schedule(Start + Duration.FromMinutes(120), () => ran++);
        wheel.Schedule(Start + Duration.FromSeconds(2), () => ran += 10);
        near.Cancel();
        far.Cancel();
        far.Cancel();

        Assert.Equal(1, wheel.Count);
        wheel.RunDue(Start + Duration.FromHours(3));
        Assert.Equal(10, ran);
        Assert.Equal(0, wheel.Count);
        Assert.Null(wheel.NextDue());
    }

    [Fact]
    public void FarTimers_CascadeAndRunAtTheirInstant_ThroughSeveralRounds()
    {
        var wheel = new TimerWheel(Start, Duration.FromMilliseconds(10));
        var ran = new List<Duration>();
        Duration[] offsets = [Duration.FromMinutes(120), Duration.FromSeconds(11), Duration.FromHours(5), Duration.FromSeconds(60), Duration.FromMilliseconds(10_239)];
        foreach (var offset in offsets)
        {
            wheel.Schedule(Start + offset, () => ran.Add(offset));
        }

        // Step through in uneven strides, as wake-ups come: each timer runs in the first step that reaches it.
        var now = Start;
        var step = Duration.FromMilliseconds(7);
        while (now < Start + Duration.FromHours(6))
        {
            now += step;
            step = step < Duration.FromSeconds(50) ? step * 3 : Duration.FromMilliseconds(13);
            var before = ran.Count;
            wheel.RunDue(now);
            Assert.All(ran.Skip(before), offset => Assert.True(Start + offset <= now));
        }

        Assert.Equal(offsets.Order(), ran);
    }

    [Fact]
    public void NextDue_IsTheEarliestPendingInstant_NearOrFar()
    {
        var wheel = new TimerWheel(Start, Duration.FromMilliseconds(10));
        Assert.Null(wheel.NextDue());
        wheel.Schedule(Start + Duration.FromMinutes(120), () => { });
        Assert.Equal(Start + Duration.FromMinutes(120), wheel.NextDue());
        wheel.Schedule(Start + Duration.FromMinutes(30), () => { });
        Assert.Equal(Start + Duration.FromMinutes(30), wheel.NextDue());
        var soon = wheel.Schedule(Start + Duration.FromMilliseconds(1234), () => { });
        Assert.Equal(Start + Duration.FromMilliseconds(1234), wheel.NextDue());
        soon.Cancel();
        Assert.Equal(Start + Duration.FromMinutes(30), wheel.NextDue());
    }

    [Fact]
    public void ACallbackSchedulingForNowOrThePast_RunsInTheSamePass()
    {
        var wheel = new TimerWheel(Start, Duration.FromMilliseconds(10));
        var ran = new List<string>();
        wheel.Schedule(Start + Duration.FromSeconds(1), () =>
        {
            ran.Add("first");
            wheel.Schedule(Start, () => ran.Add("zero-delay"));
        });

        wheel.RunDue(Start + Duration.FromSeconds(5));

        Assert.Equal(["first", "zero-delay"], ran);
    }

    [Fact]
    public void RandomSchedulesAndCancels_MatchASortedReference()
    {
        var random = new Random(1234);
        var wheel = new TimerWheel(Start, Duration.FromMilliseconds(10));
        var expected = new List<(Instant Due, long Order)>();
        var ran = new List<long>();
        var handles = new List<(ISwitchTimer Timer, Instant Due, long Order)>();
        for (long i = 0; i < 5_000; i++)
        {
            var due = Start + Duration.FromMilliseconds(random.NextInt64(0, 4 * 3600 * 1000L));
            var order = i;
            handles.Add((wheel.Schedule(due, () => ran.Add(order)), due, order));
        }

        foreach (var (timer, due, order) in handles)
        {
            if (random.Next(3) == 0)
            {
                timer.Cancel();
            }
            else
            {
                expected.Add((due, order));
            }
        }

        var now = Start;
        while (wheel.NextDue() is { } next)
        {
            now = next + Duration.FromMilliseconds(random.Next(0, 30));
            wheel.RunDue(now);
        }

        Assert.Equal(expected.OrderBy(e => e.Due).ThenBy(e => e.Order).Select(e => e.Order), ran);
    }
    [Fact]
    public void AStaleHandle_CancelsNotTheTimerThatReusedItsSlot()
    {
        var wheel = new TimerWheel(Start, Duration.FromMilliseconds(10));
        var target = new Recorder();
        var first = wheel.Schedule(Start + Duration.FromSeconds(1), target, 1);
        first.Cancel();
        var second = wheel.Schedule(Start + Duration.FromSeconds(2), target, 2); // the slot the first one freed
        Assert.Equal(1, wheel.SlotsTaken); // the second reused the first's slot
        Assert.False(first.Pending);
        Assert.True(second.Pending);

        first.Cancel(); // stale: must not cancel the second
        Assert.True(second.Pending);
        wheel.RunDue(Start + Duration.FromSeconds(3));
        Assert.Equal([2], target.Ran);

        // A handle of a timer that ran is stale too, once its slot serves the next timer.
        var third = wheel.Schedule(Start + Duration.FromSeconds(4), target, 3);
        second.Cancel();
        wheel.RunDue(Start + Duration.FromSeconds(5));
        Assert.Equal([2, 3], target.Ran);
        Assert.False(third.Pending);
        Assert.Equal(0, wheel.Count);
    }

    [Fact]
    public void ATimerCancelledInTheSameSlot_DoesNotRun_EvenWhenItsSlotIsReusedBeforeItsTurn()
    {
        // The first timer to run cancels the second (due in the same 10 ms) and schedules a third, which reuses the
        // second's slot: the pass already listed the second as due, and must run neither it nor the third early.
        var wheel = new TimerWheel(Start, Duration.FromMilliseconds(10));
        var ran = new List<string>();
        ISwitchTimer? second = null;
        wheel.Schedule(Start + Duration.FromMilliseconds(1001), () =>
        {
            ran.Add("first");
            second!.Cancel();
            wheel.Schedule(Start + Duration.FromSeconds(30), () => ran.Add("third"));
        });
        second = wheel.Schedule(Start + Duration.FromMilliseconds(1002), () => ran.Add("second"));

        wheel.RunDue(Start + Duration.FromSeconds(2));
        Assert.Equal(["first"], ran);
        Assert.Equal(1, wheel.Count);
        wheel.RunDue(Start + Duration.FromSeconds(31));
        Assert.Equal(["first", "third"], ran);
    }

    [Fact]
    public void SchedulingThroughATarget_AllocatesNothing_OnceTheWheelHasGrown()
    {
        var wheel = new TimerWheel(Start, Duration.FromMilliseconds(10));
        var target = new Recorder();
        var now = Start;
        void Round()
        {
            // 1,000 timers a simulated second, each waiting 32 s (Timer J), one in three cancelled early.
            for (var i = 0; i < 40_000; i++)
            {
                now += Duration.FromMilliseconds(1);
                var handle = wheel.Schedule(now + Duration.FromSeconds(32), target, i);
                if (i % 3 == 0)
                {
                    handle.Cancel();
                }

                wheel.RunDue(now);
            }
        }

        // Two rounds of warm-up: the wheel grows to its peak in the first, and the second lets tiered compilation finish
        // promoting the hot methods (a fresh-clone Debug run once counted 7,856 bytes in the measured round after one).
        Round();
        Round();
        target.Ran.Clear();
        target.Ran.Capacity = 100_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        Round();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.NotEmpty(target.Ran);
    }

    private sealed class Recorder : ITimerTarget
    {
        public List<int> Ran { get; } = [];

        public void OnTimer(int kind) => Ran.Add(kind);
    }
}
