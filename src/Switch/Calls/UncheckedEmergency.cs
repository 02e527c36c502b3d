namespace Centrex.Switch.Calls;

/// <summary>
/// The user state of an emergency INVITE placed without its credentials being looked at (RouteMark.Unchecked: its
/// source is held back for guessing passwords) whose line is not known from its address either: the call goes out
/// anonymously, with the operator's emergency call-back number (README "Emergency calls from a blocked address").
/// </summary>
internal sealed class UncheckedEmergency
{
    public static readonly UncheckedEmergency Anonymous = new();

    private UncheckedEmergency()
    {
    }
}
