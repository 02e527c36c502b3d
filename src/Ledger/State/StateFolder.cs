namespace Centrex.Ledger.State;

/// <summary>
/// Chooses the format of the account state before FASTER opens it: the kept format of an existing store
/// (<see cref="StateFormat"/>), or a new one. A store is replaced by an empty one of a new format, which the ledger's
/// recovery then fills by replaying the whole journal (the journal is the truth and is never truncated), when it has an
/// older record layout or a smaller in-memory log than the opener asks for. A checkpoint is never reopened with other
/// sizes. Format 2 lives in <c>ledger/state2</c>, not in format 1's <c>ledger/state</c>: a format-1 store (a record per
/// counter, its log size recorded nowhere) is rebuilt into <c>state2</c> and deleted, and a version from before
/// format 2 that is started on the directory again finds no <c>state</c> and rebuilds its own from the journal instead
/// of misreading format 2's records (and the journal it appends to brings <c>state2</c> forward on the next start).
/// </summary>
internal static class StateFolder
{
    /// <summary>The state's folder in the ledger's folder.</summary>
    public const string Name = "state2";

    /// <summary>Format 1's folder (before formats were kept).</summary>
    public const string FormatOneName = "state";

    /// <summary>Where a replaced state is moved before it is deleted (a crash leaves it; the next open deletes it).</summary>
    public const string ReplacedName = "state.replaced";

    /// <summary>
    /// The format to open the state with, after replacing the store when it must be rebuilt; <paramref name="rebuild"/>
    /// says why it was replaced (null when it was kept or new).
    /// </summary>
    /// <param name="ledgerFolder">The ledger's folder.</param>
    /// <param name="options">The opener's wishes: <see cref="LedgerOptions.StateLogMemoryBits"/> and <see cref="LedgerOptions.StateAccounts"/>.</param>
    /// <param name="rebuild">Why the store was replaced, for the operator; null when it was not.</param>
    public static StateFormat Prepare(string ledgerFolder, LedgerOptions options, out string? rebuild)
    {
        var folder = Path.Combine(ledgerFolder, Name);
        var replaced = Path.Combine(ledgerFolder, ReplacedName);

        // Written by a version before format 2 (first, or again after this one): the journal rebuilds it in state2.
        var formatOne = Path.Combine(ledgerFolder, FormatOneName);
        var hadFormatOne = Directory.Exists(formatOne) && Directory.EnumerateFileSystemEntries(formatOne).Any();

        var wanted = options.StateLogMemoryBits ?? (options.StateAccounts is { } accounts ? LedgerOptions.StateLogBitsFor(accounts) : (int?)null);
        var kept = Directory.Exists(folder) ? StateFormat.Read(folder) : null;
        var holdsData = Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any();
        rebuild = null;
        if (kept is not null)
        {
            if (kept.Version != StateFormat.CurrentVersion)
            {
                rebuild = $"its records are in format {kept.Version}, this version keeps format {StateFormat.CurrentVersion}, one record per account and month";
            }
            else if (wanted > kept.MemoryBits)
            {
                rebuild = $"its in-memory log of {kept.MemoryText} is smaller than the {StateFormat.New(wanted.Value, 0).MemoryText} asked for";
            }
            else
            {
                return kept; // what lies beside it (a replaced store, format one's) is deleted by Tidy once the open succeeds
            }
        }
        else if (holdsData)
        {
            rebuild = "its format was not kept (a rebuild was interrupted before its format was written)";
        }
        else if (hadFormatOne)
        {
            rebuild = "it was kept in format 1, a record per counter and its log size not recorded";
        }

        // A rebuild replaces the store at once (it is derived from the journal; FASTER needs the folder to build its
        // successor in), before the journal's replay has checked every entry.
        if (Directory.Exists(replaced))
        {
            Directory.Delete(replaced, recursive: true);
        }

        if (holdsData)
        {
            Directory.Move(folder, replaced);
        }

        Directory.CreateDirectory(folder);
        var format = StateFormat.New(Math.Max(wanted ?? LedgerOptions.MinStateLogBits, kept?.MemoryBits ?? 0), options.StateIndexBuckets);
        format.Write(folder);
        if (holdsData)
        {
            Directory.Delete(replaced, recursive: true);
        }

        DeleteFormatOne(formatOne, hadFormatOne);
        return format;
    }

    /// <summary>
    /// Deletes what lies beside a kept store (a replaced store a crash left behind, format one's <c>state</c>): called
    /// once the ledger's open is known to succeed, so an open refused for any reason leaves them as they were.
    /// </summary>
    public static void Tidy(string ledgerFolder)
    {
        foreach (var leftover in (string[])[ReplacedName, FormatOneName])
        {
            var path = Path.Combine(ledgerFolder, leftover);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }

    // After state2 holds a kept format: a crash before this leaves state behind, deleted on the next open.
    private static void DeleteFormatOne(string formatOne, bool exists)
    {
        if (exists)
        {
            Directory.Delete(formatOne, recursive: true);
        }
    }
}
