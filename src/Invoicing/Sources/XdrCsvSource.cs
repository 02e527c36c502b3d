using Centrex.Invoicing.Xdr;
using Centrex.Rating.Cdrs;
using NodaTime;

namespace Centrex.Invoicing.Sources;

/// <summary>
/// Rated calls from the xDR CSV files (<c>*.csv</c>, in name order) of a folder, such as reports written by
/// <c>centrex report xdr --format csv</c>: lets billing run over calls exported from another system. The commands read
/// the durable journal instead (<see cref="LedgerJournalSource"/>).
/// </summary>
public sealed class XdrCsvSource(string folder) : IRatedCdrSource
{
    /// <summary>The folder name inside the data directory.</summary>
    public const string FolderName = "xdr";

    /// <summary>The folder read.</summary>
    public string Folder { get; } = folder;

    /// <inheritdoc />
    public void Read(Instant fromInclusive, Instant toExclusive, IReadOnlySet<string>? accounts, Action<RatedCdr> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        if (!Directory.Exists(Folder))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(Folder, "*.csv").Order(StringComparer.Ordinal))
        {
            foreach (var call in XdrCsvReader.Read(file))
            {
                if (call.Start >= fromInclusive && call.Start < toExclusive && (accounts is null || accounts.Contains(call.Account)))
                {
                    visit(call);
                }
            }
        }
    }
}
