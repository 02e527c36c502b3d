namespace Centrex.Provisioning.Store;

/// <summary>
/// The SQLite schema of <c>DATA/provisioning.db</c>, as ordered migrations: version N is reached by running the first
/// N scripts, so a store written by an older version is upgraded when opened. One table per entity keyed by its text
/// id; amounts are integer mills, dates ISO text (<c>YYYY-MM-DD</c>), enums their JSON wire names. Migration 2 adds the
/// switch's entities (issue 4): its settings, sites, trunks, a customer's dial plan and an account's extension, SIP
/// credentials (digest hashes only) and DIDs. Migration 3 adds emergency calling (issue 14): the emergency numbers and
/// trunk, and each account's E911 service address. Migration 4 (issue 17) adds products' setup fees, the number a
/// subscription is for, one-off fees, customers' automatic payments, rate centres and toll-free inbound rates.
/// Migration 5 adds an account's fraud controls (issue 14): null columns set no limit, so every account of an upgraded
/// store keeps calling as before. Migration 6 (issue 16) adds
/// the self-care portal's line settings: an extension's name and the line's call forwarding. Migration 7 (issue 15) adds
/// call flows and hunt groups, each kept as its record's JSON (a new node type's fields need no new column). Migration 8 (issue 15)
/// adds <c>line_settings</c>: an account's caller ID and Hide CLI, a customer's main number, and the do not disturb,
/// anonymous call rejection, call waiting and blacklists of an account or a customer, in a table of their own (no row:
/// the defaults), which a phone's star code updates with one statement.
/// Migration 9 (issue 15) adds a customer's feature prefixes and the extension-to-extension distinctive ring (seed 004),
/// with the defaults of <see cref="Model.CustomerFeatures.Default"/>.
/// Migration 10 (issue 16) adds the status of a customer and of an account (<c>active</c> or <c>suspended</c>): every
/// record of an upgraded store stays active. Migration 11 adds a line's star-code forwarding (*72, *73) and a customer's
/// night mode. Migration 12 (issue 14) adds the operator's emergency call-back number (null: none).
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
        """
        CREATE TABLE switch_settings (
            id INTEGER PRIMARY KEY CHECK (id = 1), realm TEXT NOT NULL,
            digest_algorithms TEXT NOT NULL,  -- space-separated, most preferred first
            feature_codes TEXT NOT NULL);     -- space-separated
        CREATE TABLE sites (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, max_calls INTEGER, max_incoming INTEGER, max_outgoing INTEGER,
            max_forwarded INTEGER, max_bandwidth_kbps INTEGER, max_incoming_kbps INTEGER, max_outgoing_kbps INTEGER);
        -- Until now an account's site was free text: each one becomes a site without limits, so the store stays valid.
        INSERT INTO sites (id, name) SELECT DISTINCT site, site FROM accounts WHERE site IS NOT NULL AND site <> 'default';
        CREATE TABLE trunks (
            id TEXT PRIMARY KEY, address TEXT NOT NULL,
            sources TEXT NOT NULL);           -- space-separated; empty: the address
        ALTER TABLE customers ADD COLUMN dialing_rules TEXT NOT NULL DEFAULT 'e164';
        ALTER TABLE customers ADD COLUMN trunk_id TEXT REFERENCES trunks(id);
        CREATE TABLE abbreviated_dialing (
            customer_id TEXT NOT NULL REFERENCES customers(id), code TEXT NOT NULL, number TEXT NOT NULL,
            PRIMARY KEY (customer_id, code));
        ALTER TABLE accounts ADD COLUMN extension TEXT;
        ALTER TABLE accounts ADD COLUMN sip_username TEXT;
        ALTER TABLE accounts ADD COLUMN ha1_md5 TEXT;
        ALTER TABLE accounts ADD COLUMN ha1_sha256 TEXT;
        CREATE UNIQUE INDEX accounts_by_sip_username ON accounts(sip_username);
        CREATE TABLE dids (
            number TEXT PRIMARY KEY,          -- E.164 digits, no '+'
            account_id TEXT NOT NULL REFERENCES accounts(id), position INTEGER NOT NULL);
        CREATE INDEX dids_by_account ON dids(account_id);
        """,
        """
        ALTER TABLE switch_settings ADD COLUMN emergency_numbers TEXT NOT NULL DEFAULT '911 933';  -- space-separated
        ALTER TABLE switch_settings ADD COLUMN emergency_trunk TEXT;
        ALTER TABLE accounts ADD COLUMN e911_street TEXT;
        ALTER TABLE accounts ADD COLUMN e911_city TEXT;
        ALTER TABLE accounts ADD COLUMN e911_province TEXT;
        ALTER TABLE accounts ADD COLUMN e911_country TEXT;
        ALTER TABLE accounts ADD COLUMN e911_postal_code TEXT;
        """,
        """
        ALTER TABLE products ADD COLUMN setup_fee_mills INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE subscriptions ADD COLUMN did TEXT;
        CREATE TABLE fees (
            id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), date TEXT NOT NULL, kind TEXT NOT NULL,
            number TEXT, description TEXT NOT NULL, amount_mills INTEGER NOT NULL);
        CREATE INDEX fees_by_account ON fees(account_id);
        ALTER TABLE customers ADD COLUMN auto_pay_token TEXT;
        ALTER TABLE customers ADD COLUMN auto_pay_label TEXT;
        ALTER TABLE customers ADD COLUMN auto_pay_invoices INTEGER;
        ALTER TABLE customers ADD COLUMN recharge_below_mills INTEGER;
        ALTER TABLE customers ADD COLUMN recharge_amount_mills INTEGER;
        CREATE TABLE rate_centres (
            id TEXT PRIMARY KEY, name TEXT NOT NULL,
            prefixes TEXT NOT NULL,           -- space-separated E.164 prefixes
            rate_micro INTEGER NOT NULL);
        ALTER TABLE customers ADD COLUMN rate_centre TEXT REFERENCES rate_centres(id);
        ALTER TABLE accounts ADD COLUMN rate_centre TEXT REFERENCES rate_centres(id);
        CREATE TABLE did_inbound_rates (
            number TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), rate_micro INTEGER NOT NULL);
        """,
        """
        ALTER TABLE accounts ADD COLUMN fraud_max_international_calls INTEGER;
        ALTER TABLE accounts ADD COLUMN fraud_max_spend_per_hour_mills INTEGER;
        ALTER TABLE accounts ADD COLUMN fraud_max_spend_per_day_mills INTEGER;
        ALTER TABLE accounts ADD COLUMN fraud_blocked_classes TEXT NOT NULL DEFAULT '';  -- space-separated wire names
        """,
        """
        ALTER TABLE accounts ADD COLUMN extension_name TEXT;
        ALTER TABLE accounts ADD COLUMN forwarding TEXT;   -- the account's forwarding object as its JSON; null: off
        """,
        """
        CREATE TABLE call_flows (
            id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers(id), body TEXT NOT NULL); -- the record's JSON
        CREATE TABLE hunt_groups (
            id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers(id), number TEXT NOT NULL, body TEXT NOT NULL,
            UNIQUE (customer_id, number));
        """,
        """
        CREATE TABLE line_settings (
            owner TEXT NOT NULL,              -- 'account' or 'customer'
            id TEXT NOT NULL,
            caller_id TEXT, hide_cli TEXT NOT NULL DEFAULT 'automatic', hide_cli_prefix TEXT, show_cli_prefix TEXT,
            do_not_disturb INTEGER, anonymous_call_rejection INTEGER, call_waiting INTEGER,  -- null: the customer's, else the default
            blacklist_numbers TEXT NOT NULL DEFAULT '', blacklist_prefixes TEXT NOT NULL DEFAULT '',  -- space-separated digits
            PRIMARY KEY (owner, id));
        """,
        """
        ALTER TABLE customers ADD COLUMN pickup_prefix TEXT NOT NULL DEFAULT '*77';
        ALTER TABLE customers ADD COLUMN park_prefix TEXT NOT NULL DEFAULT '70';
        ALTER TABLE customers ADD COLUMN release_prefix TEXT NOT NULL DEFAULT '71';
        ALTER TABLE customers ADD COLUMN paging_prefix TEXT NOT NULL DEFAULT '*80';
        ALTER TABLE customers ADD COLUMN ext_distinctive_ring INTEGER NOT NULL DEFAULT 1;
        """,
        """
        ALTER TABLE customers ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
        ALTER TABLE accounts ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
        """,
        """
        ALTER TABLE line_settings ADD COLUMN phone_forward_when TEXT;    -- *72/*73 from the phone: 'always', 'unanswered', 'off'; null: none
        ALTER TABLE line_settings ADD COLUMN phone_forward_number TEXT;  -- as dialed after the code (E.164 digits or an extension)
        ALTER TABLE line_settings ADD COLUMN night_mode INTEGER NOT NULL DEFAULT 0;  -- a customer's *33 (seed 002)
        """,
        """
        ALTER TABLE switch_settings ADD COLUMN emergency_callback TEXT;  -- E.164 digits: 911's caller ID when a line and its customer have no number
        """,
        """
        ALTER TABLE sites ADD COLUMN customer_editable INTEGER NOT NULL DEFAULT 0;  -- 1: the customer of its lines may change its limits in the portal (issue 16)
        """,
        """
        ALTER TABLE customers ADD COLUMN dialing TEXT;                -- seed 004 Dialing Rules' parameters: provisioning's "dialing" object as JSON; null: none
        ALTER TABLE customers ADD COLUMN abbreviated_length INTEGER;  -- seed 004 "Abbreviated Number Length"; null: not set
        ALTER TABLE abbreviated_dialing ADD COLUMN description TEXT;  -- seed 004 Abbreviated Dialing's Description column; null: none
        """,
        """
        ALTER TABLE customers ADD COLUMN allow_private_forwarding INTEGER NOT NULL DEFAULT 0;  -- 1: its sip: URI forwards may reach private addresses (issue 16 review, item 8)
        """,
    ];
}
