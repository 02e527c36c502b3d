using System.Runtime.ExceptionServices;

namespace Centrex.Pipeline.Tests.Support;

/// <summary>Runs a test body on its own background thread with a hard time limit, so a pipeline bug (a lost
/// wake-up, a producer that never gets capacity) fails the test instead of hanging the run.</summary>
internal static class Bounded
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(60);

    public static void Run(Action body) => Run(DefaultLimit, body);

    public static void Run(TimeSpan limit, Action body)
    {
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                body();
            }
            catch (Exception exception)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }
        })
        {
            IsBackground = true,
            Name = "bounded test body",
        };
        thread.Start();
        if (!thread.Join(limit))
        {
            Assert.Fail($"The test did not finish within {limit.TotalSeconds} s: a hang (the body thread was left behind).");
        }

        failure?.Throw();
    }
}
