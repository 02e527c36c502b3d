namespace Centrex.Switch.Sip;

/// <summary>The setters the parser fills in (kept apart from the read side).</summary>
internal sealed partial class SipMessage
{
    internal byte[] RawBuffer => _buffer;

    internal void SetRequestLine(SipMethod method, TextRange name, SipUri uri)
    {
        IsRequest = true;
        Method = method;
        MethodName = name;
        RequestUri = uri;
    }

    internal void SetStatusLine(int code, TextRange reason)
    {
        IsRequest = false;
        StatusCode = code;
        ReasonPhrase = reason;
    }

    internal bool AddHeader(in SipHeader header)
    {
        if (HeaderCount == _headers.Length)
        {
            if (HeaderCount >= SipLimits.MaxHeaders)
            {
                return false;
            }

            Array.Resize(ref _headers, Math.Min(_headers.Length * 2, SipLimits.MaxHeaders));
        }

        _headers[HeaderCount++] = header;
        return true;
    }

    internal void ExtendLastHeader(int valueEnd)
    {
        ref var last = ref _headers[HeaderCount - 1];
        last = last with { Value = new TextRange(last.Value.Start, valueEnd - last.Value.Start) };
    }

    internal void SetVia(in SipVia top, int count)
    {
        if (ViaCount == 0)
        {
            TopVia = top;
        }

        ViaCount += count;
    }

    internal void SetFrom(in SipNameAddr value) => From = value;

    internal void SetTo(in SipNameAddr value) => To = value;

    internal void SetCallId(TextRange value) => CallId = value;

    internal void SetCSeq(int number, SipMethod method, TextRange name)
    {
        CSeq = number;
        CSeqMethod = method;
        CSeqMethodName = name;
    }

    internal void SetMaxForwards(int value) => MaxForwards = value;

    internal void SetContentLength(int value) => ContentLength = value;

    internal void SetContact(in SipNameAddr first, bool star)
    {
        if (!HasContact)
        {
            Contact = first;
            ContactIsStar = star;
        }

        HasContact = true;
    }

    internal void SetBody(TextRange body) => Body = body;
}
