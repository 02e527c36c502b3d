using System.Globalization;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Rating.Discounts;
using Centrex.Rating.Money;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Provisioning.Store;

/// <summary>
/// The provisioning store: <c>DATA/provisioning.db</c> (SQLite). Imports merge by id and are all-or-nothing: the merged
/// result is validated in full and written in one transaction, so a failed import changes nothing.
/// </summary>
public sealed partial class ProvisioningStore : IDisposable
{
    /// <summary>File name of the store in the data directory.</summary>
    public const string FileName = "provisioning.db";

    private readonly SqliteConnection _connection;

    private ProvisioningStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Path of the database file.</summary>
    public string Path => _connection.DataSource;

    /// <summary>Opens (creating if needed) the store in <paramref name="dataDirectory"/>.</summary>
    public static ProvisioningStore Open(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = System.IO.Path.Combine(dataDirectory, FileName),
            Pooling = false,
        }.ToString());
        connection.Open();
        SqliteMigrator.Migrate(connection, ProvisioningSchema.Migrations, FileName);
        return new ProvisioningStore(connection);
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    /// <summary>Validates and stores <paramref name="incoming"/> merged into what is stored; returns the new snapshot.</summary>
    /// <param name="incoming">The records to merge in.</param>
    /// <param name="source">Names the input in messages.</param>
    /// <param name="notice">Told of each record the import changed on purpose (a mid-month downgrade scheduled for the 1st).</param>
    /// <param name="clock">Today, for the rules that need it (a payment is not received after tomorrow); the system's by default.</param>
    /// <exception cref="ProvisioningException">A record breaks a rule; nothing was changed.</exception>
    public ProvisioningSnapshot Import(ProvisioningSnapshot incoming, string source, Action<string>? notice = null, IClock? clock = null)
    {
        var stored = Load();
        var now = (clock ?? SystemClock.Instance).GetCurrentInstant();
        var merged = WithoutReplacedPhoneForwarding(stored, ProvisioningValidator.ScheduleDowngrades(ProvisioningValidator.Merge(stored, incoming, source, now), notice));
        ProvisioningValidator.Validate(merged, source, stored);
        ProvisioningValidator.CheckRealmChange(stored, incoming, merged, source);
        Write(merged);
        return merged;
    }

    // Replaces everything stored with the validated snapshot, in one transaction.
    private void Write(ProvisioningSnapshot merged)
    {
        using var transaction = _connection.BeginTransaction();
        Execute(transaction, "PRAGMA defer_foreign_keys = ON; DELETE FROM call_flows; DELETE FROM hunt_groups; DELETE FROM did_inbound_rates; DELETE FROM rate_centres; DELETE FROM fees; DELETE FROM dids; DELETE FROM abbreviated_dialing; DELETE FROM account_discount_plans; DELETE FROM payments; DELETE FROM subscriptions; DELETE FROM accounts; DELETE FROM discount_plans; DELETE FROM products; DELETE FROM customers; DELETE FROM trunks; DELETE FROM sites; DELETE FROM switch_settings;");
        InsertSwitch(transaction, merged);
        Insert(transaction, "customers", merged.Customers, c => [
            c.Id, c.Company, c.Contact, c.Email, c.Address.Street, c.Address.City, c.Address.Province, c.Address.Country, c.Address.PostalCode, c.Currency, c.TimeZone, c.TaxId,
            WireNames.Name(WireNames.SendStatistics, c.SendStatistic), WireNames.Name(WireNames.DialingRules, c.DialPlan.DialingRules), c.DialPlan.Trunk,
            c.AutoPay?.CardToken, c.AutoPay?.CardLabel, c.AutoPay is null ? null : c.AutoPay.PayInvoices ? 1 : 0, c.AutoPay?.RechargeBelow?.Value, c.AutoPay?.RechargeAmount?.Value,
            c.RateCentre, c.DialPlan.Features.PickupPrefix, c.DialPlan.Features.ParkPrefix, c.DialPlan.Features.ReleasePrefix,
            c.DialPlan.Features.PagingPrefix, c.DialPlan.Features.ExtensionDistinctiveRing ? 1 : 0, WireNames.Name(WireNames.ServiceStatuses, c.Status),
            ProvisioningJsonWriter.DialingJson(c.DialPlan.Dialing), c.DialPlan.AbbreviatedLength, c.AllowPrivateForwarding ? 1 : 0]);
        Insert(transaction, "abbreviated_dialing", merged.Customers.SelectMany(c => c.DialPlan.AbbreviatedDialing.Select(e => (c.Id, e.Key, e.Value, c.DialPlan.AbbreviatedDescriptions.GetValueOrDefault(e.Key)))),
            x => [x.Id, x.Key, x.Value, x.Item4]);
        Insert(transaction, "products", merged.Products, p => [p.Id, p.Name, p.MonthlyFee.Value, p.FreeNorthAmericaMinutes, p.SetupFee.Value]);
        Insert(transaction, "discount_plans", merged.DiscountPlans, d => [
            d.Id, d.Plan.Name, d.Plan.Group.Name, string.Join(' ', d.Plan.Group.Prefixes), string.Join(' ', d.Plan.Group.Classes.Select(c => WireNames.Name(WireNames.NumberClasses, c))),
            WireNames.Name(WireNames.DiscountBases, d.Plan.Basis), string.Join(' ', d.Plan.Tiers.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Threshold}:{t.BasisPoints}"))),
            d.Plan.Precedence, d.Plan.Combinable ? 1 : 0]);
        Insert(transaction, "accounts", merged.Accounts, a => [
            a.Id, a.CustomerId, WireNames.Name(WireNames.AccountTypes, a.Type), a.CreditLimit.Value, a.Site, a.Requires911 ? 1 : 0,
            a.Extension, a.Sip?.Username, a.Sip?.Ha1Md5, a.Sip?.Ha1Sha256,
            a.E911Address?.Street, a.E911Address?.City, a.E911Address?.Province, a.E911Address?.Country, a.E911Address?.PostalCode, a.RateCentre,
            a.Fraud?.MaxInternationalCalls, a.Fraud?.MaxSpendPerHour?.Value, a.Fraud?.MaxSpendPerDay?.Value, FraudClassWords(a.Fraud),
            a.ExtensionName, a.Forwarding.IsUnset ? null : ProvisioningJsonWriter.ForwardingJson(a.Forwarding),
            WireNames.Name(WireNames.ServiceStatuses, a.Status)]);
        Insert(transaction, "did_inbound_rates", merged.Accounts.SelectMany(a => a.InboundRates.Select(e => (a.Id, e.Key, e.Value))), x => [x.Key, x.Id, x.Value.Value]);
        Insert(transaction, "dids", merged.Accounts.SelectMany(a => a.Dids.Select((d, i) => (a.Id, d, i))), x => [x.d, x.Id, x.i]);
        Insert(transaction, "account_discount_plans", merged.Accounts.SelectMany(a => a.DiscountPlans.Select((p, i) => (a.Id, p, i))), x => [x.Id, x.p, x.i]);
        Insert(transaction, "subscriptions", merged.Subscriptions, x => [x.Id, x.AccountId, x.ProductId, Date(x.Start), x.End is { } e ? Date(e) : null, x.Replaces, x.Did]);
        Insert(transaction, "payments", merged.Payments, p => [p.Id, p.CustomerId, Date(p.Received), p.Amount.Value, WireNames.Name(WireNames.PaymentMethods, p.Method), p.Reference, WireNames.Name(WireNames.PaymentKinds, p.Kind)]);
        Insert(transaction, "rate_centres", merged.RateCentres, r => [r.Id, r.Name, string.Join(' ', r.Prefixes), r.RatePerMinute.Value]);
        Insert(transaction, "fees", merged.Fees, f => [f.Id, f.AccountId, Date(f.Date), WireNames.Name(WireNames.FeeKinds, f.Kind), f.Number, f.Description, f.Amount.Value]);
        Insert(transaction, "call_flows", merged.CallFlows, f => [f.Id, f.CustomerId, ProvisioningJsonWriter.CallFlowJson(f)]);
        Insert(transaction, "hunt_groups", merged.HuntGroups, g => [g.Id, g.CustomerId, g.Number, ProvisioningJsonWriter.HuntGroupJson(g)]);
        InsertLineSettings(transaction, merged);
        transaction.Commit();
    }

    /// <summary>Everything stored, each list sorted by id.</summary>
    public ProvisioningSnapshot Load() => WithLineSettings(LoadRecords());

    private ProvisioningSnapshot LoadRecords()
    {
        var planIds = Query("SELECT account_id, plan_id FROM account_discount_plans ORDER BY account_id, position", r => (r.GetString(0), r.GetString(1)))
            .ToLookup(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        var dids = Query("SELECT account_id, number FROM dids ORDER BY account_id, position", r => (r.GetString(0), r.GetString(1)))
            .ToLookup(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        var inbound = Query("SELECT account_id, number, rate_micro FROM did_inbound_rates ORDER BY number", r => (r.GetString(0), r.GetString(1), new MicroDollars(r.GetInt64(2))))
            .ToLookup(x => x.Item1, StringComparer.Ordinal);
        var abbreviated = Query("SELECT customer_id, code, number, description FROM abbreviated_dialing ORDER BY customer_id, code", r => (r.GetString(0), r.GetString(1), r.GetString(2), Text(r, 3)))
            .ToLookup(x => x.Item1, StringComparer.Ordinal);
        return new ProvisioningSnapshot(
            Query("SELECT id, company, contact, email, street, city, province, country, postal_code, currency, time_zone, tax_id, send_statistic, dialing_rules, trunk_id, auto_pay_token, auto_pay_label, auto_pay_invoices, recharge_below_mills, recharge_amount_mills, rate_centre, " +
                "pickup_prefix, park_prefix, release_prefix, paging_prefix, ext_distinctive_ring, status, dialing, abbreviated_length, allow_private_forwarding FROM customers ORDER BY id", r => new Customer(
                r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
                new ServiceAddress(r.GetString(4), r.GetString(5), Text(r, 6), r.GetString(7), r.GetString(8)),
                r.GetString(9), r.GetString(10), Text(r, 11), WireNames.SendStatistics[r.GetString(12)],
                new CustomerDialPlan(WireNames.DialingRules[r.GetString(13)], Text(r, 14), abbreviated[r.GetString(0)].ToDictionary(x => x.Item2, x => x.Item3, StringComparer.Ordinal))
                {
                    Features = new CustomerFeatures(r.GetString(21), r.GetString(22), r.GetString(23), r.GetString(24), r.GetInt64(25) != 0),
                    Dialing = r.IsDBNull(27) ? DialingParameters.None : ProvisioningJsonReader.DialingFromJson(r.GetString(27)),
                    AbbreviatedLength = r.IsDBNull(28) ? null : r.GetInt32(28),
                    AbbreviatedDescriptions = abbreviated[r.GetString(0)].Where(x => x.Item4 is not null).ToDictionary(x => x.Item2, x => x.Item4!, StringComparer.Ordinal),
                })
            {
                AutoPay = r.IsDBNull(15) ? null : new AutoPay(r.GetString(15), r.GetString(16), r.GetInt64(17) != 0,
                    r.IsDBNull(18) ? null : new Mills(r.GetInt64(18)), r.IsDBNull(19) ? null : new Mills(r.GetInt64(19))),
                RateCentre = Text(r, 20),
                Status = WireNames.ServiceStatuses[r.GetString(26)],
                AllowPrivateForwarding = r.GetInt64(29) != 0,
            }),
            Query("SELECT id, customer_id, type, credit_limit_mills, site, requires_911, extension, sip_username, ha1_md5, ha1_sha256, " +
                "e911_street, e911_city, e911_province, e911_country, e911_postal_code, rate_centre, " +
                "fraud_max_international_calls, fraud_max_spend_per_hour_mills, fraud_max_spend_per_day_mills, fraud_blocked_classes, " +
                "extension_name, forwarding, status FROM accounts ORDER BY id", r => new Account(
                r.GetString(0), r.GetString(1), WireNames.AccountTypes[r.GetString(2)], new Mills(r.GetInt64(3)), Text(r, 4),
                r.GetInt64(5) != 0, [.. planIds[r.GetString(0)]],
                Text(r, 6), r.IsDBNull(7) ? null : new SipCredentials(r.GetString(7), Text(r, 8), Text(r, 9)), [.. dids[r.GetString(0)]])
            {
                E911Address = r.IsDBNull(13) ? null : new ServiceAddress(r.GetString(10), r.GetString(11), Text(r, 12), r.GetString(13), r.GetString(14)),
                RateCentre = Text(r, 15),
                Fraud = ReadFraud(r, 16),
                ExtensionName = Text(r, 20),
                Forwarding = r.IsDBNull(21) ? Forwarding.Off : ProvisioningJsonReader.ParseForwarding(r.GetString(21), $"{FileName}: accounts (id \"{r.GetString(0)}\"), forwarding"),
                InboundRates = inbound[r.GetString(0)].ToDictionary(x => x.Item2, x => x.Item3, StringComparer.Ordinal),
                Status = WireNames.ServiceStatuses[r.GetString(22)],
            }),
            Query("SELECT id, name, monthly_fee_mills, free_north_america_minutes, setup_fee_mills FROM products ORDER BY id", r => new Product(
                r.GetString(0), r.GetString(1), new Mills(r.GetInt64(2)), r.GetInt32(3), new Mills(r.GetInt64(4)))),
            Query("SELECT id, account_id, product_id, start_date, end_date, replaces, did FROM subscriptions ORDER BY id", r => new Subscription(
                r.GetString(0), r.GetString(1), r.GetString(2), ParseDate(r.GetString(3)), r.IsDBNull(4) ? null : ParseDate(r.GetString(4)), Text(r, 5), Text(r, 6))),
            Query("SELECT id, name, group_name, prefixes, classes, basis, tiers, precedence, combinable FROM discount_plans ORDER BY id", ReadPlan),
            Query("SELECT id, customer_id, received, amount_mills, method, reference, kind FROM payments ORDER BY id", r => new Payment(
                r.GetString(0), r.GetString(1), ParseDate(r.GetString(2)), new Mills(r.GetInt64(3)), WireNames.PaymentMethods[r.GetString(4)],
                r.GetString(5), WireNames.PaymentKinds[r.GetString(6)])),
            LoadSwitchSettings(),
            LoadSites(),
            LoadTrunks())
        {
            RateCentres = Query("SELECT id, name, prefixes, rate_micro FROM rate_centres ORDER BY id", r => new RateCentre(
                r.GetString(0), r.GetString(1), Words(r.GetString(2)), new MicroDollars(r.GetInt64(3)))),
            Fees = Query("SELECT id, account_id, date, kind, number, description, amount_mills FROM fees ORDER BY id", r => new OneOffFee(
                r.GetString(0), r.GetString(1), ParseDate(r.GetString(2)), WireNames.FeeKinds[r.GetString(3)], Text(r, 4), r.GetString(5), new Mills(r.GetInt64(6)))),
            CallFlows = Query("SELECT id, body FROM call_flows ORDER BY id", r => ProvisioningJsonReader.ParseCallFlow(r.GetString(1), $"{FileName}: call_flows (id \"{r.GetString(0)}\")")),
            HuntGroups = Query("SELECT id, body FROM hunt_groups ORDER BY id", r => ProvisioningJsonReader.ParseHuntGroup(r.GetString(1), $"{FileName}: hunt_groups (id \"{r.GetString(0)}\")")),
        };
    }

    private static DiscountPlanRecord ReadPlan(SqliteDataReader r)
    {
        var group = new DestinationGroup(r.GetString(2), Words(r.GetString(3)), Words(r.GetString(4)).Select(c => WireNames.NumberClasses[c]));
        var tiers = Words(r.GetString(6)).Select(t => t.Split(':')).Select(t => new DiscountTier(long.Parse(t[0], CultureInfo.InvariantCulture), int.Parse(t[1], CultureInfo.InvariantCulture)));
        return new DiscountPlanRecord(new DiscountPlan(r.GetString(0), r.GetString(1), group, WireNames.DiscountBases[r.GetString(5)], tiers, r.GetInt32(7), r.GetInt64(8) != 0));
    }

    private static string? Text(SqliteDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static LocalDate ParseDate(string text) => LocalDatePattern.Iso.Parse(text).Value;

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var list = new List<T>();
        while (reader.Read())
        {
            list.Add(read(reader));
        }

        return list;
    }

    private void Execute(SqliteTransaction transaction, string sql)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void Insert<T>(SqliteTransaction transaction, string table, IEnumerable<T> rows, Func<T, object?[]> values)
    {
        SqliteCommand? command = null;
        try
        {
            foreach (var row in rows)
            {
                var v = values(row);
                if (command is null)
                {
                    command = _connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = $"INSERT INTO {table} VALUES ({string.Join(", ", v.Select((_, i) => "$p" + i))})";
                    for (var i = 0; i < v.Length; i++)
                    {
                        command.Parameters.Add(new SqliteParameter("$p" + i, null));
                    }
                }

                for (var i = 0; i < v.Length; i++)
                {
                    command.Parameters[i].Value = v[i] ?? DBNull.Value;
                }

                command.ExecuteNonQuery();
            }
        }
        finally
        {
            command?.Dispose();
        }
    }
}
