namespace Centrex.Portal.Features.Shared;

/// <summary>
/// A table sorted by SQL (the call log): each column name maps to a fixed expression of the query, so the URL only
/// chooses among them and its text never reaches the SQL.
/// </summary>
public sealed class SqlSort(string defaultColumn, bool defaultDescending, IReadOnlyList<(string Name, string Expression)> columns)
    : SortColumns(defaultColumn, defaultDescending, string.Empty)
{
    /// <inheritdoc/>
    public override IReadOnlyList<string> Names { get; } = [.. columns.Select(c => c.Name)];

    /// <summary>The <c>ORDER BY</c> of <paramref name="paging"/>, with <paramref name="tieBreak"/> (e.g. <c>rowid</c>) so pages never overlap.</summary>
    public string OrderBy(Paging paging, string tieBreak)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var dir = paging.Descending ? "DESC" : "ASC";
        return $"ORDER BY {columns.First(c => c.Name == paging.Sort).Expression} {dir}, {tieBreak} {dir}";
    }
}
