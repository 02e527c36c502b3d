using Centrex.Switch.Sip;

namespace Centrex.Switch.Transactions;

/// <summary>A <see cref="ClientTransactionKey"/> read from a response, for looking it up without making a string.</summary>
internal readonly ref struct ClientTransactionKeyText(ReadOnlySpan<char> branch, SipMethod method)
{
    public ReadOnlySpan<char> Branch { get; } = branch;

    public SipMethod Method { get; } = method;
}
