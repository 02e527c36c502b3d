using System.Text;
using Centrex.Switch.Cdrs;
using Microsoft.Data.Sqlite;

namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// Follows the switch's CDR store (<c>DATA/cdrs/YYYY-MM-DD.csv</c>, <see cref="CdrStore"/>: every call attempt, charged
/// or not) into the call log, so the Call Logs page shows what the journal never holds: incoming calls, missed and
/// refused calls, internal calls (issue 16: "filters by ... direction, disposition"). Day files are append-only, so
/// each one's position is the byte offset after its last whole line read, stored in <c>progress</c> (source
/// <c>cdrs/FILE</c>) in the same transaction as the calls it covers: a restart goes on where the last commit left
/// off, neither losing nor repeating a call. A file still being written is read up to its last line break (the writer
/// appends whole lines, but a reader may see a write half done); a line torn by a crash is sealed by the writer and
/// then skipped as damaged here, as every reader of the store does. A call that starts before midnight and ends after
/// is appended to the day before, so every day file is checked for growth on each pass (one stat a file).
/// </summary>
internal sealed class CallLogSwitchSource(string cdrFolder)
{
    private const int BatchRows = 20_000;
    private const string ProgressPrefix = "cdrs/";

    private AccountCustomers? _customers;

    /// <summary>Damaged lines skipped so far (a torn line, a hand-edited file).</summary>
    public long Damaged { get; private set; }

    /// <summary>Indexes every whole line appended since the last pass; returns the calls added or completed.</summary>
    public long CatchUp(SqliteConnection connection, ProvisioningIndex index)
    {
        if (!Directory.Exists(cdrFolder))
        {
            return 0;
        }

        if (_customers?.Index != index)
        {
            _customers = new AccountCustomers(index);
        }

        var positions = Positions(connection);
        var added = 0L;
        foreach (var path in Directory.EnumerateFiles(cdrFolder, "????-??-??.csv").Order(StringComparer.Ordinal))
        {
            var source = ProgressPrefix + Path.GetFileName(path);
            var from = positions.GetValueOrDefault(source);
            var length = new FileInfo(path).Length;
            if (length > from)
            {
                added += ReadFile(connection, index, _customers, path, source, from, length);
            }
        }

        return added;
    }

    private long ReadFile(SqliteConnection connection, ProvisioningIndex index, AccountCustomers customers, string path, string source, long from, long length)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        file.Seek(from, SeekOrigin.Begin);
        var fields = new List<string>(SwitchCdrCsv.Header.Count);
        var buffer = new byte[1 << 20];
        var carry = 0; // bytes of a line begun in the previous read, at the buffer's start
        var position = from; // file offset of buffer[0]
        var added = 0L;
        var batch = 0;
        var transaction = connection.BeginTransaction();
        using var insert = new SwitchCallInsert(connection);
        try
        {
            while (position + carry < length)
            {
                if (carry == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2); // a line longer than the buffer: never written by the switch, but read whole
                }

                var read = file.Read(buffer, carry, (int)Math.Min(buffer.Length - carry, length - position - carry));
                if (read <= 0)
                {
                    break;
                }

                var filled = carry + read;
                var start = 0;
                for (var end = Array.IndexOf(buffer, (byte)'\n', 0, filled); end >= 0; end = Array.IndexOf(buffer, (byte)'\n', start, filled - start))
                {
                    var lineAt = position + start;
                    var line = buffer.AsSpan(start, end - start).TrimEnd((byte)'\r');
                    start = end + 1;
                    if (lineAt == 0 || line.IsEmpty)
                    {
                        continue; // the header
                    }

                    if (SwitchCdrLine.TryRead(line, out var parsed))
                    {
                        insert.Add(parsed, customers); // the common line: read where it lies
                    }
                    else if (line.IndexOf((byte)'"') >= 0
                        && SwitchCdrCsv.TrySplit(Encoding.UTF8.GetString(line), fields) && SwitchCdrCsv.Parse(fields, out _) is { } cdr)
                    {
                        insert.Add(SwitchCall.Of(cdr, index)); // a quoted field (a comma in a caller's name): the string way
                        if (SwitchCall.CallerSide(cdr, index) is { } callerSide)
                        {
                            insert.Add(callerSide);
                        }

                    }
                    else
                    {
                        Damaged++;
                        continue;
                    }

                    added++;
                    if (++batch >= BatchRows)
                    {
                        SetProgress(connection, transaction, source, position + start);
                        transaction.Commit();
                        transaction.Dispose();
                        transaction = connection.BeginTransaction();
                        batch = 0;
                    }
                }

                // What follows the last line break is a line still being written (or the next read's start).
                carry = filled - start;
                Buffer.BlockCopy(buffer, start, buffer, 0, carry);
                position += start;
            }

            SetProgress(connection, transaction, source, position);
            transaction.Commit();
        }
        finally
        {
            transaction.Dispose();
        }

        return added;
    }

    private static Dictionary<string, long> Positions(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT source, position FROM progress WHERE source >= 'cdrs/' AND source < 'cdrs0'";
        using var reader = command.ExecuteReader();
        var positions = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            positions[reader.GetString(0)] = reader.GetInt64(1);
        }

        return positions;
    }

    private static void SetProgress(SqliteConnection connection, SqliteTransaction transaction, string source, long position)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO progress (source, position) VALUES ($s, $p) ON CONFLICT(source) DO UPDATE SET position = excluded.position";
        command.Parameters.AddWithValue("$s", source);
        command.Parameters.AddWithValue("$p", position);
        command.ExecuteNonQuery();
    }
}
