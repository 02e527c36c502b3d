namespace Centrex.Switch.Sip;

/// <summary>Methods the switch knows by name (RFC 3261 §7.1, RFC 3262, 3265, 3311, 3428, 3515, 3903); any other token is <see cref="Extension"/>.</summary>
internal enum SipMethod : byte
{
    None,
    Extension,
    Invite,
    Ack,
    Bye,
    Cancel,
    Register,
    Options,
    Prack,
    Subscribe,
    Notify,
    Publish,
    Info,
    Refer,
    Message,
    Update,
}
