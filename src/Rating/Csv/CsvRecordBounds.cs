namespace Centrex.Rating.Csv;

/// <summary>Where one CSV record lies in a buffer, as found by <see cref="CsvRecordScanner"/>.</summary>
/// <param name="ContentLength">Bytes of the record itself, without its line terminator (LF or CRLF).</param>
/// <param name="TotalLength">Bytes to consume, terminator included.</param>
/// <param name="LineCount">Physical lines the record spans (quoted fields may hold line breaks, RFC 4180 §2.6).</param>
/// <param name="Damaged">
/// True when the record's quoting is broken beyond repair (a quoted field still open at the end of the data or past
/// the record size limit; a line longer than the limit). The record is then cut at its first line break, so the
/// rest of the file is still read, and callers reject it as malformed.
/// </param>
public readonly record struct CsvRecordBounds(int ContentLength, int TotalLength, int LineCount, bool Damaged);
