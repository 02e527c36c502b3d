namespace Centrex.Provisioning.Access;

/// <summary>
/// The SQLite schema of <c>DATA/access.db</c>, the store of who may use the service: API keys (migration 1, issue 13; migration 4: keys bound to a customer)
/// and the portal's logins and their sessions (migration 2, issue 16; migration 3: a login disabled by the operator). One list of migrations for the file, whichever
/// store opens it first (<see cref="ApiKeyStore"/>, <see cref="UserStore"/>).
/// </summary>
internal static class AccessSchema
{
    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE api_keys (
            id TEXT PRIMARY KEY, name TEXT NOT NULL,
            scopes TEXT NOT NULL,        -- space-separated ApiScope wire names
            secret_sha256 BLOB NOT NULL, created TEXT NOT NULL, revoked TEXT);
        """,
        """
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            login TEXT NOT NULL UNIQUE COLLATE NOCASE,
            role TEXT NOT NULL,              -- 'operator' or 'customer'
            customer_id TEXT,                -- the customer a customer login sees; null for operators
            password_hash TEXT NOT NULL,     -- ASP.NET Core Identity PasswordHasher v3 (PBKDF2-HMAC-SHA512), never the password
            failed_logins INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            must_change_password INTEGER NOT NULL DEFAULT 0,
            language TEXT NOT NULL DEFAULT 'en',
            created TEXT NOT NULL, password_changed TEXT NOT NULL,
            CHECK ((role = 'operator' AND customer_id IS NULL) OR (role = 'customer' AND customer_id IS NOT NULL)));
        CREATE INDEX users_by_customer ON users(customer_id);
        CREATE TABLE sessions (
            token_sha256 BLOB PRIMARY KEY,   -- the cookie carries the token; only its hash is kept
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created INTEGER NOT NULL, expires INTEGER NOT NULL);  -- Unix milliseconds
        CREATE INDEX sessions_by_user ON sessions(user_id);
        """,
        // The operator disables a login without deleting it (issue 16's operator API: list, create, reset, unlock, disable):
        // its password checks are refused and its sessions end, and enabling it again needs no new password.
        """
        ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
        """,
        // A key bound to one customer (issue 16: customer routes take "session or key"): it opens /api/v1/me of that
        // customer only, with the me:read / me:write scopes; null for the operator's and the switch's keys.
        """
        ALTER TABLE api_keys ADD COLUMN customer_id TEXT;
        CREATE INDEX api_keys_by_customer ON api_keys(customer_id);
        """,
    ];
}
