using Centrex.Switch.Sip;

namespace Centrex.Switch.Transactions;

/// <summary>
/// Matching keys. Server side (§17.2.3): the top Via branch plus sent-by plus method, ACK matching INVITE; requests
/// without the magic cookie fall back to RFC 2543 matching on Request-URI, From tag, Call-ID, CSeq number and top Via.
/// Client side (§17.1.3): the branch plus the CSeq method.
/// </summary>
internal static class TransactionKeys
{
    public static string Server(SipMessage m, SipMethod method)
    {
        var via = m.TopVia;
        var branch = m[via.Branch];
        var name = method == SipMethod.Extension ? m.Text(m.MethodName) : method.ToString();
        if (branch.StartsWith("z9hG4bK"u8))
        {
            return $"{m.Text(via.Branch)}|{m.Text(via.Host)}:{via.Port}|{name}";
        }

        return $"2543|{m.Text(m.RequestUri.Whole)}|{m.Text(m.From.Tag)}|{m.Text(m.CallId)}|{m.CSeq}|{m.Text(via.Whole)}|{name}";
    }

    public static string Client(string branch, SipMethod method) => $"{branch}|{method}";
}
