using Centrex.Provisioning.Store;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Provisioning.Access;

/// <summary>
/// The API keys of a data directory: <c>DATA/access.db</c> (SQLite), apart from provisioning so that
/// <c>provision export</c> never carries credentials of the service itself. Holds each key's id, label, scopes, dates
/// and the SHA-256 of its secret (<see cref="ApiKeySecret"/>); the secret is shown once, by <see cref="Create"/>.
/// Safe for one writer and many readers across processes (WAL): <c>centrex apikey</c> changes it while <c>serve</c>
/// reads it.
/// </summary>
public sealed class ApiKeyStore : IDisposable
{
    /// <summary>File name of the store in the data directory.</summary>
    public const string FileName = "access.db";

    private readonly SqliteConnection _connection;
    private readonly object _gate = new();

    private ApiKeyStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (creating if needed) the store in <paramref name="dataDirectory"/>.</summary>
    public static ApiKeyStore Open(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, FileName),
            Pooling = false,
        }.ToString());
        connection.Open();
        SqliteMigrator.Migrate(connection, AccessSchema.Migrations, FileName);
        return new ApiKeyStore(connection);
    }

    /// <summary>Creates a key; returns it and its whole text, which exists nowhere else from now on.</summary>
    /// <exception cref="ArgumentException">No scope, or a scope this version does not know.</exception>
    public (ApiKey Key, string Text) Create(string name, IReadOnlyCollection<string> scopes, Instant now)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        if (scopes.Count == 0 || !scopes.All(ApiScope.IsKnown))
        {
            throw new ArgumentException($"a key needs at least one scope of: {string.Join(", ", ApiScope.All)}", nameof(scopes));
        }

        var ordered = ApiScope.All.Where(scopes.Contains).ToList();
        var (id, text, hash) = ApiKeySecret.Create();
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT INTO api_keys (id, name, scopes, secret_sha256, created) VALUES ($id, $name, $scopes, $hash, $created)";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$scopes", string.Join(' ', ordered));
            command.Parameters.AddWithValue("$hash", hash);
            command.Parameters.AddWithValue("$created", InstantPattern.ExtendedIso.Format(now));
            command.ExecuteNonQuery();
        }

        return (new ApiKey(id, name, ordered, now, null), text);
    }

    /// <summary>Every key, revoked ones included, oldest first.</summary>
    public IReadOnlyList<ApiKey> List()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT id, name, scopes, created, revoked FROM api_keys ORDER BY created, id";
            using var reader = command.ExecuteReader();
            var keys = new List<ApiKey>();
            while (reader.Read())
            {
                keys.Add(Read(reader));
            }

            return keys;
        }
    }

    /// <summary>Revokes the key with <paramref name="id"/>; false when there is none (or it was revoked before).</summary>
    public bool Revoke(string id, Instant now)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE api_keys SET revoked = $now WHERE id = $id AND revoked IS NULL";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$now", InstantPattern.ExtendedIso.Format(now));
            return command.ExecuteNonQuery() == 1;
        }
    }

    /// <summary>
    /// The key <paramref name="text"/> presents, when it is one of ours, not revoked and its secret matches; else null.
    /// Always reads the store, so a revocation takes effect at the next request.
    /// </summary>
    public ApiKey? Verify(string text)
    {
        if (!ApiKeySecret.TryParse(text, out var id, out var secret))
        {
            return null;
        }

        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT id, name, scopes, created, revoked, secret_sha256 FROM api_keys WHERE id = $id";
            command.Parameters.AddWithValue("$id", id);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            var key = Read(reader);
            return key.Revoked is null && ApiKeySecret.Matches(secret, (byte[])reader["secret_sha256"]) ? key : null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private static ApiKey Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        InstantPattern.ExtendedIso.Parse(reader.GetString(3)).Value,
        reader.IsDBNull(4) ? null : InstantPattern.ExtendedIso.Parse(reader.GetString(4)).Value);
}
