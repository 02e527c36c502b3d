namespace Centrex.Switch.Partitions;

/// <summary>What a slot of the receive ring carries.</summary>
internal enum ReceiveKind : byte
{
    /// <summary>The bytes of one message (a datagram, a framed TCP message, or the switch's own internal hop).</summary>
    Message,

    /// <summary>Bytes a TCP connection could not frame, with the reason: answered 400 when addressable, then dropped.</summary>
    Unframed,

    /// <summary>A partition's report that a source failed digest authentication (the router counts it).</summary>
    AuthFailure,

    /// <summary>A partition's report that a source authenticated (the router gives back the attempt's strike).</summary>
    AuthSuccess,
}
