using System.Text;
using Centrex.Rating.Csv;

namespace Centrex.Rating.Tariffs;

/// <summary>
/// A loaded tariff: its rows, a prefix trie over them, and the packed terms and pre-encoded text the rating kernel
/// and the rated-CSV writer use. Immutable once built.
/// </summary>
public sealed class Tariff
{
    private readonly TariffTerms[] _terms;
    private readonly byte[][] _csvPrefixAndDestination;
    private readonly byte[][] _prefixes;
    private readonly byte[][] _destinations;

    internal Tariff(IReadOnlyList<TariffRow> rows, string source)
    {
        Rows = rows;
        Source = source;
        Trie = PrefixTrie.Build([.. rows.Select(r => r.Prefix)]);
        _terms = [.. rows.Select(r => new TariffTerms(r.RatePerMinute.Value, r.ConnectFee.Value, r.FirstIncrement, r.NextIncrement))];
        _csvPrefixAndDestination = [.. rows.Select(r => Encoding.UTF8.GetBytes(r.Prefix + "," + CsvText.Escape(r.Destination)))];
        _prefixes = [.. rows.Select(r => Encoding.UTF8.GetBytes(r.Prefix))];
        _destinations = [.. rows.Select(r => Encoding.UTF8.GetBytes(r.Destination))];
    }

    /// <summary>The rows, in file order.</summary>
    public IReadOnlyList<TariffRow> Rows { get; }

    /// <summary>Where the tariff came from.</summary>
    public string Source { get; }

    internal PrefixTrie Trie { get; }

    internal ref readonly TariffTerms Terms(int row) => ref _terms[row];

    /// <summary>A row's prefix as UTF-8.</summary>
    public ReadOnlySpan<byte> PrefixUtf8(int row) => _prefixes[row];

    /// <summary>A row's destination as UTF-8 (unescaped).</summary>
    public ReadOnlySpan<byte> DestinationUtf8(int row) => _destinations[row];

    /// <summary><c>prefix,destination</c> of a row as it appears in a rated CSV file (destination quoted when needed).</summary>
    public ReadOnlySpan<byte> CsvPrefixAndDestination(int row) => _csvPrefixAndDestination[row];
}
