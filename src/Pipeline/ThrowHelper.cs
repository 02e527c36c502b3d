using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Centrex.Pipeline;

/// <summary>
/// Every throw on a hot type goes through here: a method that contains a <c>throw</c> is not inlined, so keeping the
/// throw out of line keeps the claim, publish and wait fast paths small enough to inline (Disruptor-net and
/// System.IO.Pipelines do the same).
/// </summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowSizeNotPowerOfTwo(int size, string paramName) =>
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"Ring buffer size must be a positive power of two (1, 2, 4, ..., 2^30); got {size}."),
            paramName);

    [DoesNotReturn]
    public static void ThrowClaimOutOfRange(int n, int bufferSize) =>
        throw new ArgumentOutOfRangeException(
            nameof(n),
            n,
            string.Create(CultureInfo.InvariantCulture, $"A claim must be for 1 to {bufferSize} slots (the ring buffer size); got {n}."));

    [DoesNotReturn]
    public static void ThrowPublishRangeInvalid(long lo, long hi) =>
        throw new ArgumentOutOfRangeException(
            nameof(lo),
            string.Create(CultureInfo.InvariantCulture, $"Publish range is empty or reversed: lo {lo} > hi {hi}."));

    [DoesNotReturn]
    public static void ThrowAlert() => throw new AlertException();

    [DoesNotReturn]
    public static void ThrowHalted(Exception? cause) =>
        throw new PipelineHaltedException(
            cause is null
                ? "The pipeline was halted; its consumers will not free any more ring slots."
                : "The pipeline was halted by a consumer fault; its consumers will not free any more ring slots.",
            cause);

    [DoesNotReturn]
    public static void ThrowInvalidOperation(string message) => throw new InvalidOperationException(message);

    [DoesNotReturn]
    public static void ThrowArgument(string message, string paramName) => throw new ArgumentException(message, paramName);
}
