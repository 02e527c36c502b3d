namespace Centrex.Switch.Sip;

/// <summary>The parameters the switch acts on, captured while a parameter list is checked (one pass, no lookups later).</summary>
internal struct SipParamCapture
{
    public TextRange Tag;
    public TextRange Branch;
    public TextRange Received;
    public TextRange Rport;
    public bool HasRport;
    public TextRange RportParam;
    public TextRange Expires;
    public TextRange All;
}
