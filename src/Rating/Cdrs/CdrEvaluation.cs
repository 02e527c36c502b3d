namespace Centrex.Rating.Cdrs;

/// <summary>
/// What the first half of rating found out about one CDR record, without any run state: whether it is well formed,
/// and if so how the kernel rated it. The second half (<see cref="CdrOutcomeRecorder"/>) adds duplicate detection and
/// decides where the record goes. The split lets the two halves run on different pipeline stages.
/// </summary>
public struct CdrEvaluation
{
    /// <summary>The malformed part, or <see cref="CdrField.None"/>.</summary>
    public CdrField Malformed;

    /// <summary>The tariff that rated the call (the one in force at its start, <see cref="Rater.At"/>): its rows are the ones <see cref="Call"/> names.</summary>
    public Tariffs.Tariff Tariff;

    /// <summary>The kernel's outcome when well formed.</summary>
    public RatingOutcome Outcome;

    /// <summary>The id field within the record (empty when it could not be split out).</summary>
    public Range Id;

    /// <summary><see cref="CdrIdSet.Hash"/> of the id, computed here so the stage that owns the id set only probes it.</summary>
    public ulong IdHash;

    /// <summary>The account field within the record.</summary>
    public Range Account;

    /// <summary>The caller field within the record.</summary>
    public Range Caller;

    /// <summary>The call's start: seconds since the Unix epoch.</summary>
    public long StartUnixSeconds;

    /// <summary>The call's start: nanoseconds after <see cref="StartUnixSeconds"/>.</summary>
    public int StartNanoseconds;

    /// <summary>Billable seconds as recorded.</summary>
    public int DurationSeconds;

    /// <summary>Where a stage that writes to the durable journal put this record's encoded entry (offset).</summary>
    public int JournalStart;

    /// <summary>Length of that entry; 0 when none was encoded.</summary>
    public int JournalLength;

    /// <summary>The id and account need no quoting on output (see <see cref="CdrRow.IsPlain"/>).</summary>
    public bool PlainFields;

    /// <summary>The rated call when <see cref="Outcome"/> is <see cref="RatingOutcome.Rated"/>.</summary>
    public RatedCall Call;

    /// <summary>Where a stage that renders rated lines ahead of the decision put this record's line (offset).</summary>
    public int RatedLineStart;

    /// <summary>Length of that line; 0 when none was rendered.</summary>
    public int RatedLineLength;
}
