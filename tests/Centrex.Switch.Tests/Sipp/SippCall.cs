using System.Diagnostics;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>Waits on a call between two sipps through the switch (nine places in the sipp tests had their own copy).</summary>
internal static class SippCall
{
    /// <summary>
    /// Waits until <paramref name="sipSwitch"/> has a confirmed call (the caller's ACK to the switch's 200 arrived): the
    /// readiness the tests then move the clock or end the call on. Fails with both sipps' output when either ends first
    /// (<paramref name="context"/>, when given, opens the message: a theory's case), and stops at
    /// <paramref name="cancellation"/> (the test's guard: a hang fails the test).
    /// </summary>
    public static void WaitUntilConfirmed(SipSwitch sipSwitch, Process caller, Process callee, string calleeName, CancellationToken cancellation,
        string? context = null)
    {
        while (sipSwitch.ConfirmedCalls == 0)
        {
            if (caller.HasExited || callee.HasExited)
            {
                Assert.Fail($"{(context is null ? "" : context + ": ")}a party ended before the call was answered.\n" +
                    $"caller: {Sipp.Finish(caller).Output}\n{calleeName}: {Sipp.Finish(callee).Output}");
            }

            cancellation.ThrowIfCancellationRequested();
            Thread.Yield();
        }
    }
}
