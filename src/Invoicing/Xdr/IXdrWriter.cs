using Centrex.Rating.Cdrs;

namespace Centrex.Invoicing.Xdr;

/// <summary>One report file being written: calls one at a time, then the summary.</summary>
public interface IXdrWriter : IDisposable
{
    /// <summary>Appends one call.</summary>
    void Write(RatedCdr call);

    /// <summary>Writes what comes after the calls (the summary, where the format has room for one) and completes the file.</summary>
    void Finish(XdrSummary summary);
}
