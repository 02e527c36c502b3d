using System.Runtime.ExceptionServices;

namespace Centrex.Pipeline.Tests.Support;

/// <summary>A group of background threads (producers, usually) started together; exceptions they throw are kept
/// and rethrown by <see cref="Join"/> instead of crashing the test host.</summary>
internal sealed class Workers
{
    private readonly Thread[] _threads;
    private readonly ExceptionDispatchInfo?[] _failures;

    private Workers(int count, Action<int> body)
    {
        var start = new Barrier(count);
        _threads = new Thread[count];
        _failures = new ExceptionDispatchInfo?[count];
        for (var i = 0; i < count; i++)
        {
            var index = i;
            _threads[i] = new Thread(() =>
            {
                try
                {
                    start.SignalAndWait();
                    body(index);
                }
                catch (Exception exception)
                {
                    _failures[index] = ExceptionDispatchInfo.Capture(exception);
                }
            })
            {
                IsBackground = true,
                Name = $"worker {index}",
            };
        }

        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    /// <summary>Starts <paramref name="count"/> threads that enter <paramref name="body"/> at the same moment.</summary>
    public static Workers Start(int count, Action<int> body) => new(count, body);

    /// <summary>Waits for every thread (failing the test past <paramref name="limit"/>) and rethrows the first
    /// exception one of them threw.</summary>
    public void Join(TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        foreach (var thread in _threads)
        {
            var left = deadline - DateTime.UtcNow;
            Assert.True(thread.Join(left > TimeSpan.Zero ? left : TimeSpan.Zero), $"{thread.Name} did not finish within {limit.TotalSeconds} s.");
        }

        foreach (var failure in _failures)
        {
            failure?.Throw();
        }
    }

    /// <summary>The exceptions the threads threw, after <see cref="Join"/>.</summary>
    public IEnumerable<Exception> Failures => _failures.Where(f => f is not null).Select(f => f!.SourceException);
}
