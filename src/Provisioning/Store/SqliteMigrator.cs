using Microsoft.Data.Sqlite;

namespace Centrex.Provisioning.Store;

/// <summary>Brings a SQLite database up to the newest of a list of migrations, tracked in <c>PRAGMA user_version</c>.</summary>
public static class SqliteMigrator
{
    /// <summary>Runs the migrations the database has not seen yet, each in its own transaction.</summary>
    /// <exception cref="InvalidOperationException">The database was written by a newer version.</exception>
    public static void Migrate(SqliteConnection connection, IReadOnlyList<string> migrations, string what)
    {
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;";
            pragma.ExecuteNonQuery();
        }

        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > migrations.Count)
        {
            throw new InvalidOperationException($"{what} has schema version {version}; this program knows up to {migrations.Count}");
        }

        for (var v = version; v < migrations.Count; v++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = migrations[v] + $"\nPRAGMA user_version = {v + 1};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
