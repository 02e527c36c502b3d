namespace Centrex.Rating.Csv;

/// <summary>One record of a small CSV file, with the physical line it starts on.</summary>
/// <param name="Line">Physical line number (the header is line 1).</param>
/// <param name="Fields">The unescaped fields.</param>
public sealed record CsvRow(long Line, IReadOnlyList<string> Fields);
