using Centrex.Switch.Sip;

namespace Centrex.Switch.Transactions;

/// <summary>
/// What a response is matched to its client transaction by (RFC 3261 §17.1.3): the branch of the request's top Via
/// and the CSeq method (an INVITE and its CANCEL share the branch). The branch is the string the transaction user made
/// and keeps anyway, so the key is no string of its own (it was <c>branch|METHOD</c>, one more per transaction).
/// </summary>
internal readonly record struct ClientTransactionKey(string Branch, SipMethod Method);
