namespace Centrex.Ledger.State;

/// <summary>
/// Chooses the format of the account state in <c>ledger/state</c> before FASTER opens it: the kept format of an
/// existing store (<see cref="StateFormat"/>), or a new one. A store is replaced by an empty one of a new format, which
/// the ledger's recovery then fills by replaying the whole journal (the journal is the truth and is never truncated),
/// when it has no kept format (format 1, from before formats were kept: a record per counter, and a log size nobody
/// recorded), an older record layout, or a smaller in-memory log than the opener asks for. A checkpoint is never
/// reopened with other sizes.
/// </summary>
internal static class StateFolder
{
    /// <summary>The state's folder in the ledger's folder.</summary>
    public const string Name = "state";

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
        if (Directory.Exists(replaced))
        {
            Directory.Delete(replaced, recursive: true);
        }

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
                return kept;
            }
        }
        else if (holdsData)
        {
            rebuild = "it was kept in format 1, a record per counter and its log size not recorded";
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

        return format;
    }
}
