namespace Centrex.RatingRun;

/// <summary>Where one CDR record sits in a chunk's input buffer, and the file line it starts on.</summary>
/// <param name="Start">Offset in <see cref="CdrChunk.Input"/>.</param>
/// <param name="Length">Bytes, without the line terminator.</param>
/// <param name="Line">Physical line in the CDR file (the header is line 1).</param>
/// <param name="Damaged">The scanner could not delimit it cleanly; it is rejected as malformed.</param>
internal readonly record struct ChunkRecord(int Start, int Length, long Line, bool Damaged);
