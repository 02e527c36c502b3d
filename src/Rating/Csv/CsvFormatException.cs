namespace Centrex.Rating.Csv;

/// <summary>
/// A CSV input file (tariff, NPA table, CDR header) is invalid as a whole; names the file, line and field. What the
/// message quotes from the file is escaped (<see cref="PrintableText"/>): it goes to a terminal or a log (issue 13).
/// </summary>
public sealed class CsvFormatException(string file, long line, string field, string message)
    : Exception(EchoedValue.CutLong(line > 0 ? $"{file}: line {line}, field '{field}': {PrintableText.Escape(message)}" : $"{file}: field '{field}': {PrintableText.Escape(message)}"))
{
    /// <summary>The file that is wrong.</summary>
    public string File { get; } = file;

    /// <summary>The physical line (1 is the header); 0 when the problem is not on one line.</summary>
    public long Line { get; } = line;

    /// <summary>The field that is wrong.</summary>
    public string Field { get; } = field;

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; } = EchoedValue.CutLong(PrintableText.Escape(message));
}
