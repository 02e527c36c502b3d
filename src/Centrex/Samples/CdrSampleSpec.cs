using NodaTime;

namespace Centrex.Samples;

/// <summary>What sample CDR file to generate.</summary>
/// <param name="Rows">Data rows (bad rows included).</param>
/// <param name="Accounts">Accounts the calls are spread over.</param>
/// <param name="Month">Calendar month the calls start in (UTC).</param>
/// <param name="BadRowsPerTenThousand">Rows per 10,000 that are malformed, duplicated or unpriceable, to exercise the rejects path.</param>
internal sealed record CdrSampleSpec(long Rows, int Accounts, YearMonth Month, int BadRowsPerTenThousand = 50);
