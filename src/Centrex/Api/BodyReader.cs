using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Centrex.Api;

/// <summary>
/// Reads a request body into one array within a size limit and the process's <see cref="RequestBodyBudget"/>. With a
/// Content-Length the whole size is reserved before the first byte is read; without one (chunked), the reservation
/// grows with the buffer. The caller gives the reservation back (<see cref="Body.Dispose"/>) once it has answered.
/// </summary>
internal static class BodyReader
{
    private const int FirstChunk = 64 * 1024;

    /// <summary>What reading gave: the body, or why there is none.</summary>
    public enum Outcome
    {
        /// <summary>Read whole.</summary>
        Read,

        /// <summary>Larger than the limit (answer 413).</summary>
        TooLarge,

        /// <summary>The budget is spent by other requests (answer 503 with Retry-After).</summary>
        Busy,
    }

    /// <summary>Reads the body of <paramref name="request"/>, at most <paramref name="limit"/> bytes.</summary>
    public static async Task<(Outcome Outcome, Body Body)> ReadAsync(HttpRequest request, int limit, RequestBodyBudget budget, CancellationToken cancel)
    {
        var declared = request.ContentLength;
        if (declared > limit)
        {
            return (Outcome.TooLarge, Body.Empty);
        }

        var size = declared is { } length ? (int)length : Math.Min(FirstChunk, limit);
        if (!budget.TryReserve(size))
        {
            return (Outcome.Busy, Body.Empty);
        }

        var body = new Body(budget, size == 0 ? [] : ArrayPool<byte>.Shared.Rent(size), size);
        try
        {
            while (true)
            {
                if (body.Length == body.Capacity)
                {
                    if (declared is not null)
                    {
                        break; // all of it: Kestrel never reads past a Content-Length
                    }

                    if (body.Capacity > limit)
                    {
                        body.Dispose(); // a chunked body that went on past the limit
                        return (Outcome.TooLarge, Body.Empty);
                    }

                    var grown = (int)Math.Min((long)body.Capacity * 2, limit + 1L);
                    if (!budget.TryReserve(grown - body.Capacity))
                    {
                        body.Dispose();
                        return (Outcome.Busy, Body.Empty);
                    }

                    body.Grow(grown);
                }

                var n = await request.Body.ReadAsync(body.Buffer.AsMemory(body.Length, body.Capacity - body.Length), cancel);
                if (n == 0)
                {
                    break;
                }

                body.Length += n;
            }

            return (Outcome.Read, body);
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A body read into memory, holding its share of the budget until disposed. Its array is rented (a large batch's
    /// body is megabytes, for a few hundred milliseconds) and may be longer than asked: <see cref="Capacity"/> is what
    /// was reserved and may be read into, and the array goes back to the pool on <see cref="Dispose"/>.
    /// </summary>
    internal sealed class Body(RequestBodyBudget? budget, byte[] buffer, long reserved) : IDisposable
    {
        public static Body Empty { get; } = new(null, [], 0);

        private long _reserved = reserved;

        public byte[] Buffer { get; private set; } = buffer;

        /// <summary>Bytes reserved and readable into (the array may be longer).</summary>
        public int Capacity { get; private set; } = (int)reserved;

        public int Length { get; set; }

        public void Grow(int size)
        {
            var grown = ArrayPool<byte>.Shared.Rent(size);
            Buffer.AsSpan(0, Length).CopyTo(grown);
            _reserved += size - Capacity;
            Return(Buffer);
            Buffer = grown;
            Capacity = size;
        }

        public void Dispose()
        {
            budget?.Release(Interlocked.Exchange(ref _reserved, 0));
            Return(Buffer);
            Buffer = [];
            Capacity = 0;
        }

        private static void Return(byte[] buffer)
        {
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
