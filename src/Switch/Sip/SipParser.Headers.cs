using System.Runtime.CompilerServices;

namespace Centrex.Switch.Sip;

/// <summary>The header checks: each header the switch relies on is read fully once, here, so later reads are free.</summary>
internal static partial class SipParser
{
    private static SipParseError CheckHeaders(SipMessage m, ReadOnlySpan<byte> span)
    {
        var seen = 0UL; // one bit per SipHeaderKind (fewer than 64 kinds)
        var headers = m.HeaderArray.AsSpan(0, m.HeaderCount);
        for (var i = 0; i < headers.Length; i++)
        {
            ref readonly var header = ref headers[i];
            var kind = header.Kind;
            var bit = 1UL << (int)kind;
            if ((CheckedMask & bit) == 0)
            {
                continue;
            }

            // RFC 3261 §7.3.1: these appear once (RFC 4475 §3.3.9 multi01, §3.3.10 mcl01).
            if ((SingletonMask & bit) != 0)
            {
                if ((seen & bit) != 0)
                {
                    return Duplicate(kind);
                }

                seen |= bit;
                if (kind == SipHeaderKind.ContentType)
                {
                    continue; // counted only: its value is the body's business
                }
            }

            var error = CheckHeader(m, span, kind, header.Value);
            if (error != SipParseError.None)
            {
                return error;
            }
        }

        // RFC 3261 §8.1.1: To, From, CSeq, Call-ID and Via are mandatory (Max-Forwards is not enforced, for RFC 2543 peers).
        if (m.ViaCount == 0)
        {
            return SipParseError.MissingVia;
        }

        if ((seen & (1UL << (int)SipHeaderKind.From)) == 0)
        {
            return SipParseError.MissingFrom;
        }

        if ((seen & (1UL << (int)SipHeaderKind.To)) == 0)
        {
            return SipParseError.MissingTo;
        }

        if ((seen & (1UL << (int)SipHeaderKind.CallId)) == 0)
        {
            return SipParseError.MissingCallId;
        }

        if ((seen & (1UL << (int)SipHeaderKind.CSeq)) == 0)
        {
            return SipParseError.MissingCSeq;
        }

        // RFC 3261 §8.1.1.5: the CSeq method matches the request method (RFC 4475 §3.1.2.16, §3.1.2.17).
        // Method names are case-sensitive (§7.1), so two that parsed to the same known method are the same text.
        if (m.IsRequest && (m.CSeqMethod != m.Method || m.Method == SipMethod.Extension)
            && !m[m.CSeqMethodName].SequenceEqual(m[m.MethodName]))
        {
            return SipParseError.CSeqMethodMismatch;
        }

        return SipParseError.None;
    }

    /// <summary>The kinds read here: the singletons and the headers <see cref="CheckHeader"/> parses.</summary>
    private const ulong CheckedMask = SingletonMask | (1UL << (int)SipHeaderKind.Via) | (1UL << (int)SipHeaderKind.Contact);

    private const ulong SingletonMask =
        (1UL << (int)SipHeaderKind.From) | (1UL << (int)SipHeaderKind.To) | (1UL << (int)SipHeaderKind.CallId)
        | (1UL << (int)SipHeaderKind.CSeq) | (1UL << (int)SipHeaderKind.MaxForwards)
        | (1UL << (int)SipHeaderKind.ContentLength) | (1UL << (int)SipHeaderKind.ContentType);

    private static SipParseError Duplicate(SipHeaderKind kind) => kind switch
    {
        SipHeaderKind.From => SipParseError.DuplicateFrom,
        SipHeaderKind.To => SipParseError.DuplicateTo,
        SipHeaderKind.CallId => SipParseError.DuplicateCallId,
        SipHeaderKind.CSeq => SipParseError.DuplicateCSeq,
        SipHeaderKind.MaxForwards => SipParseError.DuplicateMaxForwards,
        SipHeaderKind.ContentLength => SipParseError.DuplicateContentLength,
        _ => SipParseError.DuplicateContentType,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static SipParseError CheckHeader(SipMessage m, ReadOnlySpan<byte> span, SipHeaderKind kind, TextRange value)
    {
        switch (kind)
        {
            case SipHeaderKind.Via:
            {
                var error = SipViaParser.TryReadAll(span, value, m.ViaCount == 0, ref m.TopViaSlot, out var count);
                if (error == SipParseError.None)
                {
                    m.AddVias(count);
                }

                return error;
            }

            case SipHeaderKind.From:
                return ReadNameAddr(span, value, ref m.FromSlot) ? SipParseError.None : SipParseError.BadFrom;

            case SipHeaderKind.To:
                return ReadNameAddr(span, value, ref m.ToSlot) ? SipParseError.None : SipParseError.BadTo;

            case SipHeaderKind.Contact:
                return CheckContact(m, span, value);

            case SipHeaderKind.CallId:
                // callid = word [ "@" word ]: no whitespace (RFC 3261 §25.1).
                if (value.IsEmpty || SipChars.HasSpace(span.Slice(value.Start, value.Length)))
                {
                    return SipParseError.BadCallId;
                }

                m.SetCallId(value);
                return SipParseError.None;

            case SipHeaderKind.CSeq:
                return CheckCSeq(m, span, value);

            case SipHeaderKind.MaxForwards:
            {
                var n = SipNumbers.Parse(span.Slice(value.Start, value.Length), SipLimits.MaxMaxForwards);
                if (n < 0)
                {
                    return SipParseError.BadMaxForwards;
                }

                m.SetMaxForwards((int)n);
                return SipParseError.None;
            }

            case SipHeaderKind.ContentLength:
            {
                var n = SipNumbers.Parse(span.Slice(value.Start, value.Length), SipLimits.MaxMessageBytes);
                if (n < 0)
                {
                    return SipParseError.BadContentLength;
                }

                m.SetContentLength((int)n);
                return SipParseError.None;
            }

            default:
                return SipParseError.None;
        }
    }

    private static SipParseError CheckCSeq(SipMessage m, ReadOnlySpan<byte> span, TextRange value)
    {
        // CSeq = 1*DIGIT LWS Method.
        var s = new SipScanner(span, value);
        var digits = s.Rest;
        var n = SipChars.CountIn(digits, SipChars.Digit);
        if (n <= 0)
        {
            return SipParseError.BadCSeq;
        }

        var number = SipNumbers.Parse(digits[..n], SipLimits.MaxCSeq);
        if (number < 0)
        {
            return number == SipNumbers.TooLarge ? SipParseError.CSeqOutOfRange : SipParseError.BadCSeq;
        }

        s.Position += n;
        var before = s.Position;
        s.SkipLws();
        if (s.Position == before || !s.TryToken(out var method) || !AtEnd(ref s))
        {
            return SipParseError.BadCSeq;
        }

        m.SetCSeq((int)number, SipMethods.Parse(span.Slice(method.Start, method.Length)), method);
        return SipParseError.None;
    }

    private static SipParseError CheckContact(SipMessage m, ReadOnlySpan<byte> span, TextRange value)
    {
        var s = new SipScanner(span, value);
        s.SkipLws();
        if (s.Peek == (byte)'*')
        {
            s.Position++;
            if (!AtEnd(ref s))
            {
                return SipParseError.BadContact;
            }

            m.SetContact(star: true);
            return SipParseError.None;
        }

        var other = default(SipNameAddr);
        while (true)
        {
            // The first Contact is kept (in place); later ones are only checked.
            if (!SipNameAddrParser.TryRead(ref s, span, out (m.HasContact ? ref other : ref m.ContactSlot)))
            {
                return SipParseError.BadContact;
            }

            m.SetContact(star: false);
            s.SkipLws();
            if (s.AtEnd)
            {
                return SipParseError.None;
            }

            if (!s.TryChar((byte)','))
            {
                return SipParseError.BadContact;
            }
        }
    }

    /// <summary>A From or To value (one name-addr, nothing after it), parsed into the message in place.</summary>
    private static bool ReadNameAddr(ReadOnlySpan<byte> span, TextRange value, ref SipNameAddr slot)
    {
        var s = new SipScanner(span, value);
        return SipNameAddrParser.TryRead(ref s, span, out slot) && AtEnd(ref s);
    }

    private static bool AtEnd(ref SipScanner s)
    {
        s.SkipLws();
        return s.AtEnd;
    }
}
