namespace Centrex.Switch.Sip;

/// <summary>What <see cref="SipFraming"/> found at the start of a stream buffer.</summary>
internal enum SipFrameStatus : byte
{
    NeedMore,
    Message,
    Error,
}
