using System.Security.Cryptography;
using Centrex.Provisioning.Store;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Provisioning.Access;

/// <summary>
/// The portal's logins and their sessions (issue 16), in <c>DATA/access.db</c> beside the API keys (one file for who may
/// use the service, apart from provisioning so that <c>provision export</c> never carries credentials). Passwords are
/// stored as the caller's slow hash only; sessions as the SHA-256 of a 256-bit random token, so a copy of the file lets
/// nobody in. Safe for one writer and many readers across processes (WAL): <c>centrex user</c> changes it while
/// <c>serve</c> reads it. One connection, used under a lock.
/// </summary>
public sealed class UserStore : IDisposable
{
    private const string Columns = "id, login, role, customer_id, password_hash, failed_logins, locked_until, language, disabled";
    private readonly SqliteConnection _connection;
    private readonly object _gate = new();

    private UserStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (creating if needed) the store in <paramref name="dataDirectory"/>.</summary>
    public static UserStore Open(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, ApiKeyStore.FileName),
            Pooling = false,
        }.ToString());
        connection.Open();
        SqliteMigrator.Migrate(connection, AccessSchema.Migrations, ApiKeyStore.FileName);
        return new UserStore(connection);
    }

    /// <summary>Creates a login.</summary>
    /// <exception cref="ArgumentException">The login is taken or not a <see cref="LoginNames"/> name, or the role and customer do not agree.</exception>
    public PortalUser Create(string login, UserRole role, string? customerId, string passwordHash, Instant now)
    {
        if (!LoginNames.IsValid(login))
        {
            throw new ArgumentException("a login is " + LoginNames.Rule, nameof(login));
        }

        if ((role == UserRole.Customer) != (customerId is not null))
        {
            throw new ArgumentException("a customer login names its customer; an operator login names none", nameof(customerId));
        }

        lock (_gate)
        {
            if (FindLocked(login) is not null)
            {
                throw new ArgumentException($"the login '{login}' exists already", nameof(login));
            }

            var stamp = Format(now);
            using var command = Command(
                "INSERT INTO users (login, role, customer_id, password_hash, created, password_changed) VALUES ($login, $role, $customer, $hash, $now, $now) RETURNING id",
                ("$login", login), ("$role", RoleName(role)), ("$customer", customerId), ("$hash", passwordHash), ("$now", stamp));
            var id = (long)command.ExecuteScalar()!;
            return new PortalUser(id, login, role, customerId, passwordHash, 0, null, "en");
        }
    }

    /// <summary>The login named <paramref name="login"/> (any case), or null.</summary>
    public PortalUser? Find(string login)
    {
        lock (_gate)
        {
            return FindLocked(login);
        }
    }

    /// <summary>The login with <paramref name="id"/>, or null.</summary>
    public PortalUser? Get(long id)
    {
        lock (_gate)
        {
            return ReadOne($"SELECT {Columns} FROM users WHERE id = $id", ("$id", id));
        }
    }

    /// <summary>Every login, operators first, then by customer and login.</summary>
    public IReadOnlyList<PortalUser> List(string? customerId = null)
    {
        lock (_gate)
        {
            using var command = Command($"SELECT {Columns} FROM users WHERE $c IS NULL OR customer_id = $c ORDER BY role DESC, customer_id, login", ("$c", customerId));
            using var reader = command.ExecuteReader();
            var users = new List<PortalUser>();
            while (reader.Read())
            {
                users.Add(Read(reader));
            }

            return users;
        }
    }

    /// <summary>
    /// Counts a wrong password; at <paramref name="lockAfter"/> in a row the login is locked until
    /// <paramref name="now"/> + <paramref name="lockFor"/> (and the count starts again). Returns the login as it is now.
    /// </summary>
    public PortalUser RecordFailure(PortalUser user, Instant now, int lockAfter, Duration lockFor)
    {
        lock (_gate)
        {
            using var command = Command(
                """
                UPDATE users SET
                    locked_until = CASE WHEN failed_logins + 1 >= $after THEN $until ELSE locked_until END,
                    failed_logins = CASE WHEN failed_logins + 1 >= $after THEN 0 ELSE failed_logins + 1 END
                WHERE id = $id
                """,
                ("$after", lockAfter), ("$until", Format(now + lockFor)), ("$id", user.Id));
            command.ExecuteNonQuery();
            return ReadOne($"SELECT {Columns} FROM users WHERE id = $id", ("$id", user.Id))!;
        }
    }

    /// <summary>Forgets the wrong passwords of a login that just gave the right one.</summary>
    public void RecordSuccess(PortalUser user)
    {
        lock (_gate)
        {
            using var command = Command("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $id", ("$id", user.Id));
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Sets a new password hash and ends every session of the login (a password changed because it leaked must shut
    /// out whoever used it). Also lifts a lockout: the operator's reset is how a locked-out user gets back in.
    /// </summary>
    public bool SetPassword(long userId, string passwordHash, Instant now)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var update = Command(
                "UPDATE users SET password_hash = $hash, password_changed = $now, failed_logins = 0, locked_until = NULL WHERE id = $id",
                ("$hash", passwordHash), ("$now", Format(now)), ("$id", userId));
            update.Transaction = transaction;
            var changed = update.ExecuteNonQuery() == 1;
            using var end = Command("DELETE FROM sessions WHERE user_id = $id", ("$id", userId));
            end.Transaction = transaction;
            end.ExecuteNonQuery();
            transaction.Commit();
            return changed;
        }
    }

    /// <summary>Lifts a lockout without changing the password (the operator knows the user, not a guesser, locked it); false for an unknown id.</summary>
    public bool Unlock(long userId)
    {
        lock (_gate)
        {
            using var command = Command("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $id", ("$id", userId));
            return command.ExecuteNonQuery() == 1;
        }
    }

    /// <summary>
    /// Disables or enables a login; disabling ends its sessions at once (a login taken away must not stay signed in
    /// for the rest of its working day). False for an unknown id.
    /// </summary>
    public bool SetDisabled(long userId, bool disabled)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var update = Command("UPDATE users SET disabled = $d WHERE id = $id", ("$d", disabled ? 1 : 0), ("$id", userId));
            update.Transaction = transaction;
            var changed = update.ExecuteNonQuery() == 1;
            if (disabled)
            {
                using var end = Command("DELETE FROM sessions WHERE user_id = $id", ("$id", userId));
                end.Transaction = transaction;
                end.ExecuteNonQuery();
            }

            transaction.Commit();
            return changed;
        }
    }

    /// <summary>Sets the language of the login's web interface.</summary>
    public void SetLanguage(long userId, string language)
    {
        lock (_gate)
        {
            using var command = Command("UPDATE users SET language = $l WHERE id = $id", ("$l", language), ("$id", userId));
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Starts a session: a new random token (returned once, for the cookie) whose hash is stored until
    /// <paramref name="expires"/>. Every login gets a new one, so a token planted before login is never promoted
    /// (no session fixation).
    /// </summary>
    public string StartSession(long userId, Instant now, Instant expires)
    {
        var token = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        lock (_gate)
        {
            using var purge = Command("DELETE FROM sessions WHERE expires <= $now", ("$now", now.ToUnixTimeMilliseconds()));
            purge.ExecuteNonQuery();
            using var command = Command("INSERT INTO sessions (token_sha256, user_id, created, expires) VALUES ($t, $u, $c, $e)",
                ("$t", SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))), ("$u", userId), ("$c", now.ToUnixTimeMilliseconds()), ("$e", expires.ToUnixTimeMilliseconds()));
            command.ExecuteNonQuery();
        }

        return token;
    }

    /// <summary>The login whose live session <paramref name="token"/> is, or null (unknown, ended or expired).</summary>
    public PortalUser? FindSession(string token, Instant now)
    {
        lock (_gate)
        {
            return ReadOne(
                $"SELECT {string.Join(", ", Columns.Split(", ").Select(c => "u." + c))} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_sha256 = $t AND s.expires > $now AND u.disabled = 0",
                ("$t", SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))), ("$now", now.ToUnixTimeMilliseconds()));
        }
    }

    /// <summary>Ends a session (logout).</summary>
    public void EndSession(string token)
    {
        lock (_gate)
        {
            using var command = Command("DELETE FROM sessions WHERE token_sha256 = $t", ("$t", SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))));
            command.ExecuteNonQuery();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    /// <summary>The stored name of a role.</summary>
    public static string RoleName(UserRole role) => role == UserRole.Operator ? "operator" : "customer";

    private PortalUser? FindLocked(string login) => ReadOne($"SELECT {Columns} FROM users WHERE login = $login", ("$login", login));

    private PortalUser? ReadOne(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static PortalUser Read(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2) == "operator" ? UserRole.Operator : UserRole.Customer, r.IsDBNull(3) ? null : r.GetString(3),
        r.GetString(4), r.GetInt32(5), r.IsDBNull(6) ? null : InstantPattern.ExtendedIso.Parse(r.GetString(6)).Value, r.GetString(7), r.GetInt64(8) != 0);

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
