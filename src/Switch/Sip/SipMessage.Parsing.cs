namespace Centrex.Switch.Sip;

/// <summary>The setters the parser fills in (kept apart from the read side).</summary>
internal sealed partial class SipMessage
{
    internal byte[] RawBuffer => _buffer;

    /// <summary>Where the parser writes the Request-URI (in place, see <see cref="SipUri"/>).</summary>
    internal ref SipUri RequestUriSlot => ref _requestUri;

    /// <summary>Where the parser writes the top Via, while <see cref="ViaCount"/> is 0.</summary>
    internal ref SipVia TopViaSlot => ref _topVia;

    internal ref SipNameAddr FromSlot => ref _from;

    internal ref SipNameAddr ToSlot => ref _to;

    /// <summary>Where the parser writes the first Contact, while <see cref="HasContact"/> is false.</summary>
    internal ref SipNameAddr ContactSlot => ref _contact;

    /// <summary>The start line of a request whose URI is already in <see cref="RequestUriSlot"/>.</summary>
    internal void SetRequestLine(SipMethod method, TextRange name)
    {
        IsRequest = true;
        Method = method;
        MethodName = name;
    }

    internal void SetStatusLine(int code, TextRange reason)
    {
        IsRequest = false;
        StatusCode = code;
        ReasonPhrase = reason;
    }

    /// <summary>The header array the parser fills (see <see cref="SetHeaders"/>).</summary>
    internal SipHeader[] HeaderArray => _headers;

    /// <summary>Doubles the header array (up to <see cref="SipLimits.MaxHeaders"/>), keeping what is in it.</summary>
    internal SipHeader[] GrowHeaders()
    {
        Array.Resize(ref _headers, Math.Min(_headers.Length * 2, SipLimits.MaxHeaders));
        return _headers;
    }

    /// <summary>The header lines read: the first <paramref name="count"/> entries of <paramref name="headers"/>.</summary>
    internal void SetHeaders(SipHeader[] headers, int count)
    {
        _headers = headers;
        HeaderCount = count;
    }

    internal void AddVias(int count) => ViaCount += count;

    internal void SetCallId(TextRange value) => CallId = value;

    internal void SetCSeq(int number, SipMethod method, TextRange name)
    {
        CSeq = number;
        CSeqMethod = method;
        CSeqMethodName = name;
    }

    internal void SetMaxForwards(int value) => MaxForwards = value;

    internal void SetContentLength(int value) => ContentLength = value;

    /// <summary>A Contact header was read; the first one's value is already in <see cref="ContactSlot"/>.</summary>
    internal void SetContact(bool star)
    {
        if (!HasContact)
        {
            ContactIsStar = star;
        }

        HasContact = true;
    }

    internal void SetBody(TextRange body) => Body = body;
}
