using Centrex.Invoicing.Xdr;
using Centrex.Rating.Cdrs;
using NodaTime;

namespace Centrex.Invoicing.Sources;

/// <summary>
/// Rated calls from the xDR CSV files (<c>*.csv</c>, in name order) of a folder: until the durable journal (issue 5)
/// is wired in, <c>DATA/xdr/</c> is where <c>centrex bill</c> and <c>centrex report xdr</c> read rated calls, and
/// <c>centrex demo</c> writes its month there.
/// </summary>
public sealed class XdrCsvSource(string folder) : IRatedCdrSource
{
    /// <summary>The folder name inside the data directory.</summary>
    public const string FolderName = "xdr";

    /// <summary>The folder read.</summary>
    public string Folder { get; } = folder;

    /// <inheritdoc />
    public IEnumerable<RatedCdr> Read(Instant fromInclusive, Instant toExclusive)
    {
        if (!Directory.Exists(Folder))
        {
            yield break;
        }

        foreach (var file in Directory.GetFiles(Folder, "*.csv").Order(StringComparer.Ordinal))
        {
            foreach (var call in XdrCsvReader.Read(file))
            {
                if (call.Start >= fromInclusive && call.Start < toExclusive)
                {
                    yield return call;
                }
            }
        }
    }
}
