namespace Centrex.Switch.Calls;

/// <summary>What a <see cref="Call"/> tells when one of its timers runs: the B2BUA of its partition.</summary>
internal interface ICallTimers
{
    /// <summary>The timer of <paramref name="kind"/> (a <see cref="CallTimer"/>, with a ring delay's index above it) ran.</summary>
    void OnCallTimer(Call call, int kind);

    /// <summary>A parked call's wait ran out (<see cref="SwitchOptions.ParkTimeout"/>): it rings its parker back.</summary>
    void OnParkTimeout(ParkedCall parked);

    /// <summary>A transfer's target (or a parked call's ringback) rang for its ring time unanswered.</summary>
    void OnTransferNoAnswer(Transfer transfer);

    /// <summary>The 2xx to a re-INVITE is due again (RFC 3261 §13.3.1.4) or its ACK never came.</summary>
    void OnReInviteFinalTimer(UasFinal final);

    /// <summary>A flow node's network work reached its deadline on the switch's clock.</summary>
    void OnFlowDeadline(FlowWork work);
}
