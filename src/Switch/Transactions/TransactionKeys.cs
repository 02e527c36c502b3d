using System.Text;
using Centrex.Switch.Sip;

namespace Centrex.Switch.Transactions;

/// <summary>
/// Matching keys. Server side (§17.2.3): the top Via branch plus sent-by plus method, ACK matching INVITE; requests
/// without the magic cookie fall back to RFC 2543 matching on Request-URI, From tag, Call-ID, CSeq number and top Via.
/// Client side (§17.1.3): the branch plus the CSeq method (<see cref="ClientTransactionKey"/>).
/// <para>
/// A server key is written into the partition's own buffer and looked up as a span, so matching a request (a
/// retransmission, an ACK, a CANCEL) makes no string; only a new transaction keeps one, made once from the span (it
/// was four strings per request: branch, host, method name and the key). Bytes become chars one for one (Latin-1): the
/// key only has to be the same for the same bytes.
/// </para>
/// </summary>
internal static class TransactionKeys
{
    /// <summary>The server key of <paramref name="m"/> for <paramref name="method"/>, valid until the next call with <paramref name="buffer"/>.</summary>
    public static ReadOnlySpan<char> Server(SipMessage m, SipMethod method, ref char[] buffer)
    {
        ref readonly var via = ref m.TopVia;
        var branch = m[via.Branch];
        var name = method == SipMethod.Extension ? m[m.MethodName] : [];
        if (branch.StartsWith("z9hG4bK"u8))
        {
            var host = m[via.Host];
            var key = new Writer(ref buffer, branch.Length + host.Length + name.Length + 32);
            key.Bytes(branch);
            key.Char('|');
            key.Bytes(host);
            key.Char(':');
            key.Number(via.Port);
            key.Char('|');
            key.Method(method, name);
            return key.Written;
        }

        var uri = m[m.RequestUri.Whole];
        var tag = m[m.From.Tag];
        var callId = m[m.CallId];
        var whole = m[via.Whole];
        var old = new Writer(ref buffer, uri.Length + tag.Length + callId.Length + whole.Length + name.Length + 48);
        old.Bytes("2543|"u8);
        old.Bytes(uri);
        old.Char('|');
        old.Bytes(tag);
        old.Char('|');
        old.Bytes(callId);
        old.Char('|');
        old.Number(m.CSeq);
        old.Char('|');
        old.Bytes(whole);
        old.Char('|');
        old.Method(method, name);
        return old.Written;
    }

    /// <summary>The client key a response names, its branch written into <paramref name="buffer"/>.</summary>
    public static ClientTransactionKeyText Client(SipMessage response, ref char[] buffer)
    {
        var branch = response[response.TopVia.Branch];
        var key = new Writer(ref buffer, branch.Length);
        key.Bytes(branch);
        return new ClientTransactionKeyText(key.Written, response.CSeqMethod);
    }

    /// <summary>Appends to a buffer grown once to the length the key can reach.</summary>
    private ref struct Writer
    {
        private readonly Span<char> _chars;
        private int _length;

        public Writer(ref char[] buffer, int most)
        {
            if (buffer.Length < most)
            {
                buffer = new char[Math.Max(most, buffer.Length * 2)];
            }

            _chars = buffer;
        }

        public readonly ReadOnlySpan<char> Written => _chars[.._length];

        public void Bytes(ReadOnlySpan<byte> bytes) => _length += Encoding.Latin1.GetChars(bytes, _chars[_length..]);

        public void Char(char c) => _chars[_length++] = c;

        public void Number(long n)
        {
            n.TryFormat(_chars[_length..], out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
            _length += written;
        }

        /// <summary>The method by its number, and an extension method by its name too.</summary>
        public void Method(SipMethod method, ReadOnlySpan<byte> name)
        {
            Number((int)method);
            Char(' ');
            Bytes(name);
        }
    }
}
