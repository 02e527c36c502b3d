namespace Centrex.Switch.Media;

/// <summary>
/// Walks the lines of an SDP body (RFC 4566 §5: <c>type=value</c> lines ended by CRLF; a bare LF is accepted too),
/// giving each line's content and where it ends, without allocating.
/// </summary>
internal ref struct SdpLines
{
    private readonly ReadOnlySpan<byte> _sdp;
    private int _next;

    public SdpLines(ReadOnlySpan<byte> sdp) => _sdp = sdp;

    /// <summary>Offset of the current line's first byte.</summary>
    public int Start { get; private set; }

    /// <summary>Offset after the current line's content (before its CR LF).</summary>
    public int ContentEnd { get; private set; }

    /// <summary>Offset after the current line's terminator.</summary>
    public int End { get; private set; }

    /// <summary>The current line without its terminator.</summary>
    public readonly ReadOnlySpan<byte> Content => _sdp[Start..ContentEnd];

    /// <summary>The current line's type letter, or 0 when the line is not <c>x=...</c>.</summary>
    public readonly byte Type => ContentEnd - Start >= 2 && _sdp[Start + 1] == (byte)'=' ? _sdp[Start] : (byte)0;

    public bool MoveNext()
    {
        if (_next >= _sdp.Length)
        {
            return false;
        }

        Start = _next;
        var newline = _sdp[Start..].IndexOf((byte)'\n');
        var lineEnd = newline < 0 ? _sdp.Length : Start + newline;
        End = newline < 0 ? _sdp.Length : lineEnd + 1;
        ContentEnd = lineEnd > Start && _sdp[lineEnd - 1] == (byte)'\r' ? lineEnd - 1 : lineEnd;
        _next = End;
        return true;
    }

    /// <summary>The next space-separated token of <paramref name="line"/> at or after <paramref name="position"/>.</summary>
    public static bool NextToken(ReadOnlySpan<byte> line, ref int position, out int start, out int end)
    {
        while (position < line.Length && line[position] == (byte)' ')
        {
            position++;
        }

        start = position;
        while (position < line.Length && line[position] != (byte)' ')
        {
            position++;
        }

        end = position;
        return end > start;
    }

    /// <summary>Parses ASCII digits (at most 9) as a non-negative number; -1 when not a number.</summary>
    public static int ParseNumber(ReadOnlySpan<byte> digits)
    {
        if (digits.IsEmpty || digits.Length > 9)
        {
            return -1;
        }

        var value = 0;
        foreach (var b in digits)
        {
            if ((uint)(b - '0') > 9)
            {
                return -1;
            }

            value = (value * 10) + (b - '0');
        }

        return value;
    }
}
