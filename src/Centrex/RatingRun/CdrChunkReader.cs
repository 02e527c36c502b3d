using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Centrex.Rating.Csv;

namespace Centrex.RatingRun;

/// <summary>
/// The read stage: fills ring slots with whole CDR records from a stream. A record cut by the end of a block is carried
/// to the next slot; a line longer than the record limit becomes one damaged record and the rest of it is skipped, so
/// no input line is ever lost or counted twice. Runs on the producer thread only.
/// </summary>
internal sealed class CdrChunkReader
{
    private readonly Stream _stream;
    private readonly int _maxRecordBytes;
    private readonly byte[] _carry;
    private int _carryLength;
    private bool _endOfStream;
    private bool _skippingLongLine;
    private bool _atStart = true;
    private long _nextLine = 1;

    /// <param name="stream">The CDR file, positioned at its start (header included).</param>
    /// <param name="maxRecordBytes">Longest record accepted.</param>
    public CdrChunkReader(Stream stream, int maxRecordBytes)
    {
        _stream = stream;
        _maxRecordBytes = maxRecordBytes;
        _carry = new byte[maxRecordBytes + 2];
    }

    /// <summary>True once every byte of the stream has been handed out.</summary>
    public bool Finished => _endOfStream && _carryLength == 0 && !_skippingLongLine;

    /// <summary>Fills a slot with the next records; the header (line 1) is skipped, it was checked before the run.</summary>
    public void Fill(ref CdrChunk chunk)
    {
        chunk.RecordCount = 0;
        chunk.SourceBytes = 0;
        var buffer = chunk.Input;
        _carry.AsSpan(0, _carryLength).CopyTo(buffer);
        var length = _carryLength;
        var position = 0;
        _carryLength = 0;
        while (true)
        {
            var read = ReadInto(buffer, length);
            chunk.SourceBytes += read;
            length += read;
            if (_atStart && length >= 3)
            {
                position = buffer.AsSpan(0, 3).SequenceEqual(CsvDocument.Utf8Bom) ? 3 : 0;
                _atStart = false;
            }

            if (_skippingLongLine)
            {
                var lineFeed = buffer.AsSpan(position, length - position).IndexOf((byte)'\n');
                if (lineFeed < 0)
                {
                    // The whole block belongs to the over-long line: drop it and read on.
                    if (_endOfStream)
                    {
                        _skippingLongLine = false;
                        return;
                    }

                    length = position = 0;
                    continue;
                }

                position += lineFeed + 1;
                _skippingLongLine = false;
            }

            break;
        }

        ScanRecords(ref chunk, buffer, position, length);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per-row hot path: see CdrEvaluator.Evaluate
    private void ScanRecords(ref CdrChunk chunk, byte[] buffer, int position, int length)
    {
        while (true)
        {
            // Up to the next quote, records are simply lines: take them in one vectorized sweep. The record holding
            // the quote, and the unfinished one at the end of the block, go through the full RFC 4180 scanner.
            var quote = buffer.AsSpan(position, length - position).IndexOf((byte)'"');
            position = TakeLines(ref chunk, buffer, position, quote < 0 ? length : position + quote);
            var status = CsvRecordScanner.Scan(buffer.AsSpan(position, length - position), _endOfStream, _maxRecordBytes, out var record);
            switch (status)
            {
                case CsvScanStatus.Record:
                    Take(ref chunk, new ChunkRecord(position, record.ContentLength, _nextLine, record.Damaged));
                    _nextLine += record.LineCount;
                    position += record.TotalLength;
                    continue;
                case CsvScanStatus.LineTooLong:
                    // Keep the first part (enough to show the id), skip the rest of the line on later reads.
                    Take(ref chunk, new ChunkRecord(position, Math.Min(record.ContentLength, _maxRecordBytes), _nextLine, Damaged: true));
                    _nextLine++;
                    _skippingLongLine = true;
                    return;
                case CsvScanStatus.NeedMoreData:
                    _carryLength = length - position;
                    buffer.AsSpan(position, _carryLength).CopyTo(_carry);
                    return;
                default:
                    return;
            }
        }
    }

    /// <summary>
    /// Takes every line that ends before <paramref name="end"/> (where there is no quote) as a record, finding line
    /// feeds 32 bytes at a time; returns where the first unfinished line starts. Records are what the full scanner
    /// would give there: CR before LF dropped, longer than the limit flagged damaged.
    /// </summary>
    private int TakeLines(ref CdrChunk chunk, byte[] buffer, int start, int end)
    {
        var recordStart = start;
        var i = start;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var data = ref MemoryMarshal.GetArrayDataReference(buffer);
            var lineFeeds = Vector256.Create((byte)'\n');
            for (; i + Vector256<byte>.Count <= end; i += Vector256<byte>.Count)
            {
                // i + 32 ≤ end ≤ buffer.Length: the load is inside the array.
                var mask = Vector256.Equals(Vector256.LoadUnsafe(ref data, (nuint)i), lineFeeds).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var lineFeed = i + BitOperations.TrailingZeroCount(mask);
                    TakeLine(ref chunk, buffer, recordStart, lineFeed);
                    recordStart = lineFeed + 1;
                    mask &= mask - 1;
                }
            }
        }

        for (; i < end; i++)
        {
            if (buffer[i] == (byte)'\n')
            {
                TakeLine(ref chunk, buffer, recordStart, i);
                recordStart = i + 1;
            }
        }

        return recordStart;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void TakeLine(ref CdrChunk chunk, byte[] buffer, int start, int lineFeed)
    {
        var content = lineFeed > start && buffer[lineFeed - 1] == (byte)'\r' ? lineFeed - 1 - start : lineFeed - start;
        Take(ref chunk, new ChunkRecord(start, content, _nextLine, Damaged: content > _maxRecordBytes));
        _nextLine++;
    }

    private void Take(ref CdrChunk chunk, ChunkRecord record)
    {
        if (record.Line == 1)
        {
            return; // the header
        }

        chunk.AddRecord(record);
    }

    private int ReadInto(byte[] buffer, int offset)
    {
        var total = 0;
        while (!_endOfStream && offset + total < buffer.Length)
        {
            var n = _stream.Read(buffer, offset + total, buffer.Length - offset - total);
            if (n == 0)
            {
                _endOfStream = true;
                break;
            }

            total += n;
        }

        return total;
    }
}
