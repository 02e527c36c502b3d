using System.Runtime.CompilerServices;

namespace Centrex.Switch.Sip;

/// <summary>
/// A cursor over one header value inside a message buffer. Offsets are absolute in the buffer, so every range it
/// returns points into the message. Inside a header value any CR or LF is line folding (RFC 3261 §7.3.1), so LWS is
/// simply any run of SP, HT, CR and LF.
/// </summary>
internal ref struct SipScanner
{
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly int _end;

    public SipScanner(ReadOnlySpan<byte> buffer, TextRange range)
    {
        _buffer = buffer;
        Position = range.Start;
        _end = range.End;
    }

    /// <remarks>
    /// Readers that are compiled on their own copy the scanner into a local and hand a copy to the readers they call
    /// (see <see cref="SipParams.TryRead"/>): a local whose address never escapes stays in registers, where a
    /// scanner passed by reference would be read and written through memory at every step.
    /// </remarks>
    public int Position;

    public readonly bool AtEnd => Position >= _end;

    public readonly int End => _end;

    /// <summary>The byte at the cursor, or 0 at the end.</summary>
    public readonly byte Peek
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Position < _end ? _buffer[Position] : (byte)0;
    }

    public readonly ReadOnlySpan<byte> Rest
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _buffer[Position.._end];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SkipLws()
    {
        while (Position < _end)
        {
            var b = _buffer[Position];
            if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n')
            {
                return;
            }

            Position++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryChar(byte c)
    {
        if (Position < _end && _buffer[Position] == c)
        {
            Position++;
            return true;
        }

        return false;
    }

    /// <summary>Skips LWS, then takes <paramref name="c"/> and the LWS after it (RFC 3261 §25.1 SEMI, EQUAL, COMMA, SLASH).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TrySeparator(byte c)
    {
        var save = Position;
        SkipLws();
        if (TryChar(c))
        {
            SkipLws();
            return true;
        }

        Position = save;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryToken(out TextRange token)
    {
        var n = SipCharRuns.CountIn(_buffer, Position, _end, SipChars.Token);
        token = new TextRange(Position, n);
        Position += n;
        return n > 0;
    }

    /// <summary>
    /// A quoted-string (RFC 3261 §25.1): the range excludes the quotes; a backslash escapes any byte but CR and LF.
    /// False when it is not closed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryQuoted(out TextRange inner)
    {
        inner = default;
        if (!TryChar((byte)'"'))
        {
            return false;
        }

        var start = Position;
        while (Position < _end)
        {
            var b = _buffer[Position];
            if (b == (byte)'"')
            {
                inner = new TextRange(start, Position - start);
                Position++;
                return true;
            }

            if (b == (byte)'\\')
            {
                Position++;
                if (Position >= _end || _buffer[Position] == (byte)'\r' || _buffer[Position] == (byte)'\n')
                {
                    return false;
                }
            }

            Position++;
        }

        return false;
    }

    /// <summary>Runs until one of <paramref name="stops"/> (or the end); the range taken may be empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TextRange TakeUntil(byte stops)
    {
        var n = SipCharRuns.CountNotIn(_buffer, Position, _end, stops);

        var range = new TextRange(Position, n);
        Position += n;
        return range;
    }
}
