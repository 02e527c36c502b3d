using System.Buffers.Text;
using System.Text;

namespace Centrex.Switch.Sip.Writing;

/// <summary>Writes a SIP message as bytes: start line, header lines, Content-Length and body (RFC 3261 §7).</summary>
internal sealed class SipBuilder
{
    private byte[] _buffer;
    private int _length;

    public SipBuilder(int capacity = 1024) => _buffer = new byte[capacity];

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public byte[] ToArray() => Written.ToArray();

    /// <summary>Empties the builder to write another message into the same buffer.</summary>
    public SipBuilder Clear()
    {
        _length = 0;
        return this;
    }

    public SipBuilder Raw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
        return this;
    }

    public SipBuilder Text(string text)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        _length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length));
        return this;
    }

    public SipBuilder Number(long value)
    {
        Ensure(20);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out var written);
        _length += written;
        return this;
    }

    public SipBuilder Crlf() => Raw("\r\n"u8);

    public SipBuilder Header(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) => Raw(name).Raw(": "u8).Raw(value).Crlf();

    public SipBuilder Header(ReadOnlySpan<byte> name, string value) => Raw(name).Raw(": "u8).Text(value).Crlf();

    public SipBuilder StatusLine(int status, string reason) => Raw("SIP/2.0 "u8).Number(status).Raw(" "u8).Text(reason).Crlf();

    public SipBuilder StatusLine(int status, ReadOnlySpan<byte> reason) => Raw("SIP/2.0 "u8).Number(status).Raw(" "u8).Raw(reason).Crlf();

    public SipBuilder RequestLine(ReadOnlySpan<byte> method, string uri) => Raw(method).Raw(" "u8).Text(uri).Raw(" SIP/2.0\r\n"u8);

    /// <summary>Content-Length, the empty line and the body (RFC 3261 §20.14: always written, 0 when there is none).</summary>
    public SipBuilder Body(ReadOnlySpan<byte> body, string? contentType = null)
    {
        if (!body.IsEmpty && contentType is not null)
        {
            Header("Content-Type"u8, contentType);
        }

        Raw("Content-Length: "u8).Number(body.Length).Crlf().Crlf();
        return Raw(body);
    }

    private void Ensure(int more)
    {
        if (_length + more > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
        }
    }
}
