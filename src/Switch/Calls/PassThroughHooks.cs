namespace Centrex.Switch.Calls;

/// <summary>The default for every hook: admit, allow, direct media, no CDRs.</summary>
public sealed class PassThroughHooks : ICallAdmission, IBalanceAuthorization, IMediaCore, IMediaSession, ICdrSink
{
    /// <summary>The one instance.</summary>
    public static PassThroughHooks Instance { get; } = new();

    /// <inheritdoc/>
    public AdmissionDecision Admit(CallInfo call, ReadOnlyMemory<byte> offerSdp) => AdmissionDecision.Admit;

    /// <inheritdoc/>
    public AdmissionDecision Answered(CallInfo call, ReadOnlyMemory<byte> answerSdp) => AdmissionDecision.Admit;

    /// <inheritdoc/>
    public void Release(CallInfo call)
    {
    }

    /// <inheritdoc/>
    public BalanceDecision Authorize(CallInfo call) => BalanceDecision.Unlimited;

    /// <inheritdoc/>
    public IMediaSession Open(CallInfo call) => this;

    /// <inheritdoc/>
    public ReadOnlyMemory<byte> RewriteOffer(ReadOnlyMemory<byte> sdp) => sdp;

    /// <inheritdoc/>
    public ReadOnlyMemory<byte> RewriteAnswer(ReadOnlyMemory<byte> sdp) => sdp;

    /// <inheritdoc/>
    public void Emit(CallEnd end)
    {
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
