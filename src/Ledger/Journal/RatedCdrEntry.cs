using System.Buffers;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Tariffs;

namespace Centrex.Ledger.Journal;

/// <summary>
/// Encodes a CDR record the evaluator rated as its journal entry. Every path that charges calls (a file run, an
/// ingestion batch, the switch) encodes through here, so the journal holds the same bytes whichever way a call came in.
/// </summary>
public static class RatedCdrEntry
{
    /// <summary>Writes the entry for <paramref name="record"/>; returns its length.</summary>
    /// <param name="record">The CDR record the evaluation's ranges point into.</param>
    /// <param name="evaluation">A well-formed, rated evaluation of it.</param>
    /// <param name="tariff">The tariff that rated it (for the matched prefix and destination).</param>
    /// <param name="output">Receives the entry.</param>
    public static int Write(ReadOnlySpan<byte> record, in CdrEvaluation evaluation, Tariff tariff, IBufferWriter<byte> output)
    {
        var row = evaluation.Call.TariffRow;
        return RatedCdrCodec.Write(
            new RatedCdrFields(
                record[evaluation.Id], record[evaluation.Account], record[evaluation.Caller], evaluation.Call.Callee.Digits,
                evaluation.StartUnixSeconds, evaluation.StartNanoseconds, evaluation.DurationSeconds, evaluation.Call.BilledSeconds,
                evaluation.Call.Class, tariff.PrefixUtf8(row), tariff.DestinationUtf8(row), evaluation.Call.Charge.Value, 0),
            output);
    }
}
