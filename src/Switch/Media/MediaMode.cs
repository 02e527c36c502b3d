namespace Centrex.Switch.Media;

/// <summary>How media flows for a call, chosen by configuration.</summary>
public enum MediaMode : byte
{
    /// <summary>RTP relayed through the switch (<see cref="RelayMediaCore"/>): port pairs, symmetric latching, SDP rewritten.</summary>
    Relay = 1,

    /// <summary>Media end to end between the parties (<see cref="DirectMediaCore"/>): SDP passes untouched.</summary>
    Direct = 2,
}
