using Centrex.Rating.Cdrs;

namespace Centrex.RatingRun;

/// <summary>What a finished rating run did.</summary>
/// <param name="Tally">Counts and totals.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
/// <param name="Bytes">Size of the CDR file.</param>
/// <param name="IdIndexBytes">Memory the duplicate-id index took: the one part of a run that grows with the file.</param>
internal sealed record RatingRunResult(RatingTally Tally, TimeSpan Elapsed, long Bytes, long IdIndexBytes);
