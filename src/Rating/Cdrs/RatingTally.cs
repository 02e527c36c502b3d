using Centrex.Rating.Money;

namespace Centrex.Rating.Cdrs;

/// <summary>
/// Counts of a rating run. Every row read is either rated or rejected for exactly one reason, so
/// <see cref="Read"/> = <see cref="Rated"/> + <see cref="Rejected"/> always holds.
/// </summary>
public sealed class RatingTally
{
    /// <summary>How many malformed rows are kept as examples for the summary.</summary>
    public const int MaxExamples = 5;

    private readonly long[] _rejected = new long[RejectReasonNames.All.Count];
    private readonly long[] _malformedByField = new long[Enum.GetValues<CdrField>().Length];
    private readonly List<(long Line, CdrField Field)> _examples = [];

    /// <summary>Rows read (records after the header).</summary>
    public long Read { get; private set; }

    /// <summary>Rows rated.</summary>
    public long Rated { get; private set; }

    /// <summary>Rows rejected, all reasons.</summary>
    public long Rejected => _rejected.Sum();

    /// <summary>Sum of the charges of rated rows.</summary>
    public Mills TotalCharge { get; private set; }

    /// <summary>Sum of billed seconds of rated rows.</summary>
    public long BilledSeconds { get; private set; }

    /// <summary>The first few malformed rows: where and which field.</summary>
    public IReadOnlyList<(long Line, CdrField Field)> MalformedExamples => _examples;

    /// <summary>Rows rejected for a reason.</summary>
    public long RejectedFor(RejectReason reason) => _rejected[(int)reason];

    /// <summary>Malformed rows by the field that was wrong.</summary>
    public long MalformedIn(CdrField field) => _malformedByField[(int)field];

    /// <summary>Counts a rated row.</summary>
    public void CountRated(Mills charge, long billedSeconds)
    {
        Read++;
        Rated++;
        TotalCharge += charge;
        BilledSeconds = checked(BilledSeconds + billedSeconds);
    }

    /// <summary>Counts a rejected row; <paramref name="field"/> matters for malformed rows.</summary>
    public void CountRejected(RejectReason reason, long line, CdrField field)
    {
        Read++;
        _rejected[(int)reason]++;
        if (reason == RejectReason.Malformed)
        {
            _malformedByField[(int)field]++;
            if (_examples.Count < MaxExamples)
            {
                _examples.Add((line, field));
            }
        }
    }

    /// <summary>
    /// Moves a row counted as rated or as no-rate to a rejection decided later: a parallel run learns that a row was a
    /// duplicate only when a record earlier in the file, seen later, claims the same id; the durable ledger may know
    /// the id from an earlier run, or refuse the account.
    /// </summary>
    /// <param name="wasRated">The row was counted as rated (else as no-rate).</param>
    /// <param name="reason">Why it is rejected after all.</param>
    /// <param name="line">Its line, for malformed examples.</param>
    /// <param name="field">The malformed part, when <paramref name="reason"/> is malformed.</param>
    /// <param name="charge">Its charge, when rated.</param>
    /// <param name="billedSeconds">Its billed seconds, when rated.</param>
    public void Revise(bool wasRated, RejectReason reason, long line, CdrField field, Mills charge, long billedSeconds)
    {
        if (wasRated)
        {
            Rated--;
            TotalCharge -= charge;
            BilledSeconds = checked(BilledSeconds - billedSeconds);
        }
        else
        {
            _rejected[(int)RejectReason.NoRate]--;
        }

        Read--;
        CountRejected(reason, line, field);
    }

    /// <summary>Forgets everything, to count again.</summary>
    public void Reset()
    {
        Read = 0;
        Rated = 0;
        TotalCharge = Mills.Zero;
        BilledSeconds = 0;
        Array.Clear(_rejected);
        Array.Clear(_malformedByField);
        _examples.Clear();
    }

    /// <summary>Adds another tally's counts into this one (for runs split across workers).</summary>
    public void Add(RatingTally other)
    {
        Read += other.Read;
        Rated += other.Rated;
        TotalCharge += other.TotalCharge;
        BilledSeconds = checked(BilledSeconds + other.BilledSeconds);
        for (var i = 0; i < _rejected.Length; i++)
        {
            _rejected[i] += other._rejected[i];
        }

        for (var i = 0; i < _malformedByField.Length; i++)
        {
            _malformedByField[i] += other._malformedByField[i];
        }

        foreach (var example in other._examples)
        {
            if (_examples.Count < MaxExamples)
            {
                _examples.Add(example);
            }
        }
    }
}
