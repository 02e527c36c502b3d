namespace Centrex.Provisioning.Store;

/// <summary>
/// The SQLite schema of <c>DATA/provisioning.db</c>, as ordered migrations: version N is reached by running the first
/// N scripts. One table per entity keyed by its text id; a later issue adds its switch entities (sites, extensions,
/// SIP credentials, DIDs, abbreviated dialing, dialing rules, trunks) as the next migration without touching these.
/// Amounts are integer mills, dates ISO text (<c>YYYY-MM-DD</c>), enums their JSON wire names.
/// </summary>
internal static class ProvisioningSchema
{
    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE customers (
            id TEXT PRIMARY KEY, company TEXT NOT NULL, contact TEXT NOT NULL, email TEXT NOT NULL,
            street TEXT NOT NULL, city TEXT NOT NULL, province TEXT, country TEXT NOT NULL, postal_code TEXT NOT NULL,
            currency TEXT NOT NULL, time_zone TEXT NOT NULL, tax_id TEXT, send_statistic TEXT NOT NULL);
        CREATE TABLE products (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, monthly_fee_mills INTEGER NOT NULL, free_north_america_minutes INTEGER NOT NULL);
        CREATE TABLE discount_plans (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, group_name TEXT NOT NULL,
            prefixes TEXT NOT NULL,   -- space-separated E.164 prefixes
            classes TEXT NOT NULL,    -- space-separated class wire names
            basis TEXT NOT NULL,
            tiers TEXT NOT NULL,      -- space-separated threshold:basis_points (seconds or mills)
            precedence INTEGER NOT NULL, combinable INTEGER NOT NULL);
        CREATE TABLE accounts (
            id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers(id), type TEXT NOT NULL,
            credit_limit_mills INTEGER NOT NULL, site TEXT, requires_911 INTEGER NOT NULL);
        CREATE TABLE account_discount_plans (
            account_id TEXT NOT NULL REFERENCES accounts(id), plan_id TEXT NOT NULL REFERENCES discount_plans(id),
            position INTEGER NOT NULL, PRIMARY KEY (account_id, plan_id));
        CREATE TABLE subscriptions (
            id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), product_id TEXT NOT NULL REFERENCES products(id),
            start_date TEXT NOT NULL, end_date TEXT, replaces TEXT REFERENCES subscriptions(id));
        CREATE TABLE payments (
            id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers(id), received TEXT NOT NULL,
            amount_mills INTEGER NOT NULL, method TEXT NOT NULL, reference TEXT NOT NULL, kind TEXT NOT NULL);
        CREATE INDEX accounts_by_customer ON accounts(customer_id);
        CREATE INDEX subscriptions_by_account ON subscriptions(account_id);
        CREATE INDEX payments_by_customer ON payments(customer_id);
        """,
    ];
}
