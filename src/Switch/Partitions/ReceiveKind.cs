namespace Centrex.Switch.Partitions;

/// <summary>What a slot of the receive ring carries.</summary>
internal enum ReceiveKind : byte
{
    /// <summary>The bytes of one message (a datagram, a framed TCP message, or the switch's own internal hop).</summary>
    Message,

    /// <summary>Bytes a TCP connection could not frame, with the reason: answered 400 when addressable, then dropped.</summary>
    Unframed,

    /// <summary>
    /// A partition's report on a request's credentials: a failure (the router counts it against the source), a success
    /// (the user name is proven at that address), and whether it ends a check the router began.
    /// </summary>
    AuthReport,
}
