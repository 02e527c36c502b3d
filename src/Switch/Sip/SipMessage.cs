namespace Centrex.Switch.Sip;

/// <summary>
/// A parsed SIP message: its own copy of the bytes plus ranges into them. One instance can be parsed into again and
/// again (the buffers grow once and are reused), which is how the hot path reads messages without allocating.
/// After a failed parse only the error and the header lines before the bad one mean anything: the parser writes the
/// Request-URI, top Via, From, To and Contact in place as it checks them, so one may be partly filled; the next parse
/// clears them all.
/// </summary>
internal sealed partial class SipMessage
{
    private byte[] _buffer;
    private SipHeader[] _headers;
    private SipUri _requestUri;
    private SipVia _topVia;
    private SipNameAddr _from;
    private SipNameAddr _to;
    private SipNameAddr _contact;

    public SipMessage(int initialBytes = 2048)
        : this(initialBytes, 32)
    {
    }

    private SipMessage(int initialBytes, int initialHeaders)
    {
        _buffer = new byte[initialBytes];
        _headers = new SipHeader[Math.Max(initialHeaders, 4)];
    }

    /// <summary>The message bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, Length);

    /// <summary>The message bytes as memory (for sending on unchanged).</summary>
    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    public int Length { get; private set; }

    public bool IsRequest { get; private set; }

    public SipMethod Method { get; private set; }

    public TextRange MethodName { get; private set; }

    public ref readonly SipUri RequestUri => ref _requestUri;

    public int StatusCode { get; private set; }

    public TextRange ReasonPhrase { get; private set; }

    public int HeaderCount { get; private set; }

    public ref readonly SipVia TopVia => ref _topVia;

    public int ViaCount { get; private set; }

    public ref readonly SipNameAddr From => ref _from;

    public ref readonly SipNameAddr To => ref _to;

    public TextRange CallId { get; private set; }

    public int CSeq { get; private set; }

    public SipMethod CSeqMethod { get; private set; }

    public TextRange CSeqMethodName { get; private set; }

    /// <summary>-1 when absent.</summary>
    public int MaxForwards { get; private set; }

    /// <summary>-1 when absent.</summary>
    public int ContentLength { get; private set; }

    public TextRange Body { get; private set; }

    /// <summary>The first Contact value, when there is one and it is not '*'.</summary>
    public ref readonly SipNameAddr Contact => ref _contact;

    public bool HasContact { get; private set; }

    public bool ContactIsStar { get; private set; }

    /// <summary>The header at <paramref name="index"/> in message order.</summary>
    public ref readonly SipHeader Header(int index)
    {
        if ((uint)index >= (uint)HeaderCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return ref _headers[index];
    }

    public ReadOnlySpan<byte> this[TextRange range] => _buffer.AsSpan(range.Start, range.Length);

    public string Text(TextRange range) => System.Text.Encoding.UTF8.GetString(this[range]);

    /// <summary>The value of the first header of <paramref name="kind"/>, or an empty range.</summary>
    public TextRange Find(SipHeaderKind kind)
    {
        for (var i = 0; i < HeaderCount; i++)
        {
            if (_headers[i].Kind == kind)
            {
                return _headers[i].Value;
            }
        }

        return default;
    }

    public bool Has(SipHeaderKind kind)
    {
        for (var i = 0; i < HeaderCount; i++)
        {
            if (_headers[i].Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Copies <paramref name="data"/> in and parses it; see <see cref="SipParser"/>.</summary>
    public SipParseError Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length > SipLimits.MaxMessageBytes)
        {
            Reset(0);
            return SipParseError.MessageTooLarge;
        }

        if (_buffer.Length < data.Length)
        {
            _buffer = new byte[Math.Max(data.Length, _buffer.Length * 2)];
        }

        data.CopyTo(_buffer);
        Reset(data.Length);
        return SipParser.Parse(this);
    }

    /// <summary>
    /// Makes this message a copy of <paramref name="other"/>: its bytes and every parsed field (all ranges point into the
    /// bytes, so they stay valid). Reuses this message's buffers, so copying into a ring slot allocates nothing once the
    /// slot's buffers have grown to the largest message seen.
    /// </summary>
    public void CopyFrom(SipMessage other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (_buffer.Length < other.Length)
        {
            _buffer = new byte[Math.Max(other.Length, _buffer.Length * 2)];
        }

        other.Bytes.CopyTo(_buffer);
        if (_headers.Length < other.HeaderCount)
        {
            _headers = new SipHeader[other._headers.Length];
        }

        other._headers.AsSpan(0, other.HeaderCount).CopyTo(_headers);
        Length = other.Length;
        IsRequest = other.IsRequest;
        Method = other.Method;
        MethodName = other.MethodName;
        _requestUri = other._requestUri;
        StatusCode = other.StatusCode;
        ReasonPhrase = other.ReasonPhrase;
        HeaderCount = other.HeaderCount;
        _topVia = other._topVia;
        ViaCount = other.ViaCount;
        _from = other._from;
        _to = other._to;
        CallId = other.CallId;
        CSeq = other.CSeq;
        CSeqMethod = other.CSeqMethod;
        CSeqMethodName = other.CSeqMethodName;
        MaxForwards = other.MaxForwards;
        ContentLength = other.ContentLength;
        Body = other.Body;
        _contact = other._contact;
        HasContact = other.HasContact;
        ContactIsStar = other.ContactIsStar;
    }

    /// <summary>A standalone copy (for a message a transaction keeps beyond the ring slot it arrived in).</summary>
    public SipMessage Clone()
    {
        // Exactly as large as the message: a call keeps its INVITE's copy for as long as it lasts.
        var copy = new SipMessage(Math.Max(Length, 64), HeaderCount);
        copy.CopyFrom(this);
        return copy;
    }

    /// <summary>Parses a standalone copy (for messages kept by transactions).</summary>
    public static SipMessage ParseNew(ReadOnlySpan<byte> data, out SipParseError error)
    {
        var message = new SipMessage(Math.Max(data.Length, 64));
        error = message.Parse(data);
        return message;
    }

    private void Reset(int length)
    {
        Length = length;
        IsRequest = false;
        Method = SipMethod.None;
        MethodName = default;
        _requestUri = default;
        StatusCode = 0;
        ReasonPhrase = default;
        HeaderCount = 0;
        _topVia = default;
        ViaCount = 0;
        _from = default;
        _to = default;
        CallId = default;
        CSeq = -1;
        CSeqMethod = SipMethod.None;
        CSeqMethodName = default;
        MaxForwards = -1;
        ContentLength = -1;
        Body = default;
        _contact = default;
        HasContact = false;
        ContactIsStar = false;
    }
}
