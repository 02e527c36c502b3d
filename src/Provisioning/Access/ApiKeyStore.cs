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

    /// <summary>
    /// The most working (not revoked) keys one customer holds at once (issue 16, secure by default: "limits on
    /// connections, request sizes and rates, so one hostile client cannot take the service from everyone"). Every key is
    /// checked on every request it makes and listed on My Profile, so a login minting keys in a loop would grow the
    /// store and the page without end; twenty is a script per department with room to rotate. Revoked keys do not count.
    /// </summary>
    public const int MaxActivePerCustomer = 20;

    /// <summary>
    /// The most working keys not bound to a customer (the operator's scripts, switches posting CDRs, scrapers): a
    /// carrier's machines, more than customers' scripts, but still a bound a runaway provisioning script meets.
    /// </summary>
    public const int MaxActiveOthers = 100;

    /// <summary>
    /// The revoked keys kept per owner (a customer, or together those with none), the latest made first: revoked keys
    /// do not count against the limits, so without this bound a loop of create and revoke would grow the store and the
    /// key lists without end. Older revoked keys are deleted when a key is made; a revoked key refuses the same either way.
    /// </summary>
    public const int MaxRevokedKept = 100;

    /// <summary>The longest label, in characters (the pages show it in a table cell; <c>apikey list</c> on one line).</summary>
    public const int MaxName = 60;

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
    /// <param name="name">The label.</param>
    /// <param name="scopes">What it may do.</param>
    /// <param name="now">Its creation time.</param>
    /// <param name="customerId">
    /// The customer it acts for, or null. A customer key carries only <see cref="ApiScope.CustomerScopes"/>, and those
    /// scopes only a customer key (a <c>me:read</c> key with no customer would have no "me"). The caller checks the
    /// customer exists.
    /// </param>
    /// <exception cref="ArgumentException">No scope, a scope this version does not know, scopes that do not fit the key's kind, or a label longer than <see cref="MaxName"/>.</exception>
    /// <exception cref="ApiKeyLimitException">The customer (or, for a key with no customer, the service) already holds <see cref="LimitFor"/> working keys.</exception>
    public (ApiKey Key, string Text) Create(string name, IReadOnlyCollection<string> scopes, Instant now, string? customerId = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Problem(scopes, customerId) is { } problem)
        {
            throw new ArgumentException(problem, nameof(scopes));
        }

        if (name.Length > MaxName)
        {
            throw new ArgumentException($"a key's label is at most {MaxName} characters", nameof(name));
        }

        var ordered = ApiScope.All.Where(scopes.Contains).ToList();
        var (id, text, hash) = ApiKeySecret.Create();
        lock (_gate)
        {
            // Counted and inserted under SQLite's write lock (BEGIN IMMEDIATE): serve and a `centrex apikey create`
            // running beside it cannot both see one key short of the limit and both add one.
            using var transaction = _connection.BeginTransaction(deferred: false);
            var limit = LimitFor(customerId);
            if (CountActive(customerId, transaction) >= limit)
            {
                throw new ApiKeyLimitException(customerId is null
                    ? $"there are already {limit} working keys without a customer, the most allowed: revoke one no longer used (centrex apikey revoke ID) first"
                    : $"customer {customerId} already holds {limit} working API keys, the most a customer may hold: revoke one no longer used first")
                { Limit = limit };
            }

            using (var prune = _connection.CreateCommand())
            {
                var owner = customerId is null ? "customer_id IS NULL" : "customer_id = $customer";
                prune.Transaction = transaction;
                prune.CommandText = $"DELETE FROM api_keys WHERE {owner} AND revoked IS NOT NULL AND id NOT IN "
                    + $"(SELECT id FROM api_keys WHERE {owner} AND revoked IS NOT NULL ORDER BY rowid DESC LIMIT $kept)";
                prune.Parameters.AddWithValue("$kept", MaxRevokedKept);
                if (customerId is not null)
                {
                    prune.Parameters.AddWithValue("$customer", customerId);
                }

                prune.ExecuteNonQuery();
            }

            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO api_keys (id, name, scopes, secret_sha256, created, customer_id) VALUES ($id, $name, $scopes, $hash, $created, $customer)";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$scopes", string.Join(' ', ordered));
            command.Parameters.AddWithValue("$hash", hash);
            command.Parameters.AddWithValue("$created", InstantPattern.ExtendedIso.Format(now));
            command.Parameters.AddWithValue("$customer", (object?)customerId ?? DBNull.Value);
            command.ExecuteNonQuery();
            transaction.Commit();
        }

        return (new ApiKey(id, name, ordered, now, null, customerId), text);
    }

    /// <summary>The most working keys <paramref name="customerId"/> may hold (null: the keys bound to no customer, together).</summary>
    public static int LimitFor(string? customerId) => customerId is null ? MaxActiveOthers : MaxActivePerCustomer;

    /// <summary>How many working (not revoked) keys <paramref name="customerId"/> holds (null: the keys bound to no customer).</summary>
    public int CountActive(string? customerId)
    {
        lock (_gate)
        {
            return CountActive(customerId, null);
        }
    }

    private int CountActive(string? customerId, SqliteTransaction? transaction)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM api_keys WHERE revoked IS NULL AND "
            + (customerId is null ? "customer_id IS NULL" : "customer_id = $customer");
        if (customerId is not null)
        {
            command.Parameters.AddWithValue("$customer", customerId);
        }

        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>What is wrong with a key of <paramref name="scopes"/> for <paramref name="customerId"/> (null: not a customer's); null when nothing.</summary>
    public static string? Problem(IReadOnlyCollection<string>? scopes, string? customerId)
    {
        if (scopes is null || scopes.Count == 0 || !scopes.All(ApiScope.IsKnown))
        {
            return $"a key needs at least one scope of: {string.Join(", ", customerId is null ? ApiScope.All : ApiScope.CustomerScopes)}";
        }

        if (customerId is not null && scopes.FirstOrDefault(s => !ApiScope.CustomerScopes.Contains(s)) is { } other)
        {
            return $"a customer's key carries only {string.Join(" and ", ApiScope.CustomerScopes)}, not {other}";
        }

        if (customerId is null && scopes.FirstOrDefault(ApiScope.CustomerScopes.Contains) is { } mine)
        {
            return $"{mine} is for a customer's key: name the customer (--customer ID)";
        }

        return null;
    }

    /// <summary>Every key, revoked ones included, oldest first; only <paramref name="customerId"/>'s when given.</summary>
    public IReadOnlyList<ApiKey> List(string? customerId = null)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT id, name, scopes, created, revoked, customer_id FROM api_keys"
                + (customerId is null ? string.Empty : " WHERE customer_id = $customer") + " ORDER BY created, id";
            if (customerId is not null)
            {
                command.Parameters.AddWithValue("$customer", customerId);
            }

            using var reader = command.ExecuteReader();
            var keys = new List<ApiKey>();
            while (reader.Read())
            {
                keys.Add(Read(reader));
            }

            return keys;
        }
    }

    /// <summary>
    /// Revokes the key with <paramref name="id"/>; false when there is none (or it was revoked before). With
    /// <paramref name="customerId"/>, only a key of that customer (a customer revoking its own keys cannot touch another's).
    /// </summary>
    public bool Revoke(string id, Instant now, string? customerId = null)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE api_keys SET revoked = $now WHERE id = $id AND revoked IS NULL"
                + (customerId is null ? string.Empty : " AND customer_id = $customer");
            command.Parameters.AddWithValue("$id", id);
            if (customerId is not null)
            {
                command.Parameters.AddWithValue("$customer", customerId);
            }

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
            command.CommandText = "SELECT id, name, scopes, created, revoked, customer_id, secret_sha256 FROM api_keys WHERE id = $id";
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
        reader.IsDBNull(4) ? null : InstantPattern.ExtendedIso.Parse(reader.GetString(4)).Value,
        reader.IsDBNull(5) ? null : reader.GetString(5));
}
