namespace Centrex.Invoicing.Xdr;

/// <summary>A report writer that can also take a call as the journal encodes it, skipping the decoding.</summary>
public interface IEncodedXdrWriter : IXdrWriter
{
    /// <summary>Appends one call encoded by <see cref="Centrex.Ledger.Journal.RatedCdrCodec"/>.</summary>
    void WriteEncoded(ReadOnlySpan<byte> entry);
}
