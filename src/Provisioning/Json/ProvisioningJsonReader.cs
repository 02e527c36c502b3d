using System.Text.Json;
using Centrex.Provisioning.Model;
using Centrex.Rating.Discounts;
using Centrex.Rating.Money;

namespace Centrex.Provisioning.Json;

/// <summary>
/// Reads the provisioning JSON format (README, "Provisioning JSON"): one top-level object with <c>format</c> and one
/// array per entity. Unknown top-level keys and unknown fields are refused; every record is checked on its own here and
/// against the others by <see cref="ProvisioningValidator"/>.
/// </summary>
public static partial class ProvisioningJsonReader
{
    /// <summary>The value of the top-level <c>format</c> key this version reads and writes.</summary>
    public const string Format = "centrex-provisioning/1";

    private static readonly string[] TopLevel = ["format", "switch", "sites", "trunks", "customers", "accounts", "products", "subscriptions", "discount_plans", "payments"];
    private static readonly string[] CustomerFields = ["id", "company", "contact", "email", "address", "currency", "time_zone", "tax_id", "send_statistic", "dialing_rules", "trunk", "abbreviated_dialing"];
    private static readonly string[] AddressFields = ["street", "city", "province", "country", "postal_code"];
    private static readonly string[] AccountFields = ["id", "customer", "type", "credit_limit", "site", "requires_911", "discount_plans", "extension", "sip", "dids", "e911_address"];
    private static readonly string[] ProductFields = ["id", "name", "monthly_fee", "free_north_america_minutes"];
    private static readonly string[] SubscriptionFields = ["id", "account", "product", "start", "end", "replaces"];
    private static readonly string[] DiscountFields = ["id", "name", "destination_group", "basis", "thresholds", "precedence", "combinable"];
    private static readonly string[] GroupFields = ["name", "prefixes", "classes"];
    private static readonly string[] TierFields = ["from", "percent"];
    private static readonly string[] PaymentFields = ["id", "customer", "received", "amount", "method", "reference", "kind"];

    /// <summary>Reads a file.</summary>
    /// <exception cref="ProvisioningException">The file is not valid provisioning JSON.</exception>
    public static ProvisioningSnapshot Read(string path) => Parse(File.ReadAllBytes(path), path);

    /// <summary>Parses UTF-8 JSON; <paramref name="source"/> names it in messages.</summary>
    public static ProvisioningSnapshot Parse(ReadOnlyMemory<byte> utf8, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new ProvisioningException($"{source}: line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: not valid JSON ({e.Message.Split('.')[0]})", e);
        }

        using (document)
        {
            var root = new JsonRecord(document.RootElement, source, TopLevel);
            var format = root.String("format");
            if (format != Format)
            {
                throw root.Error($"format is '{format}'; this version reads '{Format}'");
            }

            return new ProvisioningSnapshot(
                Section(root, "customers", CustomerFields, ReadCustomer),
                Section(root, "accounts", AccountFields, ReadAccount),
                Section(root, "products", ProductFields, ReadProduct),
                Section(root, "subscriptions", SubscriptionFields, ReadSubscription),
                Section(root, "discount_plans", DiscountFields, ReadDiscountPlan),
                Section(root, "payments", PaymentFields, ReadPayment),
                ReadSwitch(root),
                Section(root, "sites", SiteFields, ReadSite),
                Section(root, "trunks", TrunkFields, ReadTrunk));
        }
    }

    private static List<T> Section<T>(JsonRecord root, string name, string[] fields, Func<JsonRecord, T> read)
    {
        if (!root.Has(name))
        {
            return []; // a section may be left out
        }

        var records = new List<T>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in root.Records(name, fields))
        {
            var id = record.NonEmpty("id");
            if (!ids.TryAdd(id, record.Where))
            {
                throw record.Error($"duplicate id \"{id}\" (first at {ids[id]})");
            }

            records.Add(read(record));
        }

        return records;
    }

    private static ServiceAddress ReadAddress(JsonRecord r, string field)
    {
        var a = new JsonRecord(r.Object(field), r.Where + ", " + field, AddressFields);
        return new ServiceAddress(a.String("street"), a.String("city"), a.OptionalString("province"), a.NonEmpty("country"), a.String("postal_code"));
    }

    private static Customer ReadCustomer(JsonRecord r)
    {
        var address = ReadAddress(r, "address");
        return new Customer(
            r.NonEmpty("id"), r.NonEmpty("company"), r.String("contact"), r.String("email"), address,
            r.OptionalString("currency") ?? "CAD", r.NonEmpty("time_zone"), r.OptionalString("tax_id"),
            r.Enum("send_statistic", WireNames.SendStatistics, SendStatistic.Full), ReadDialPlan(r));
    }

    private static Account ReadAccount(JsonRecord r) => new(
        r.NonEmpty("id"), r.NonEmpty("customer"), r.Enum<AccountType>("type", WireNames.AccountTypes), r.Money("credit_limit", Mills.Zero),
        r.OptionalString("site"), r.Bool("requires_911", false), r.Strings("discount_plans"),
        r.OptionalString("extension"), ReadSip(r), ReadDids(r))
    {
        E911Address = r.Has("e911_address") ? ReadAddress(r, "e911_address") : null,
    };

    private static Product ReadProduct(JsonRecord r) =>
        new(r.NonEmpty("id"), r.NonEmpty("name"), r.Money("monthly_fee"), r.Int("free_north_america_minutes", 0));

    private static Subscription ReadSubscription(JsonRecord r) =>
        new(r.NonEmpty("id"), r.NonEmpty("account"), r.NonEmpty("product"), r.Date("start"), r.OptionalDate("end"), r.OptionalString("replaces"));

    private static Payment ReadPayment(JsonRecord r) => new(
        r.NonEmpty("id"), r.NonEmpty("customer"), r.Date("received"), r.Money("amount"), r.Enum<PaymentMethod>("method", WireNames.PaymentMethods),
        r.String("reference"), r.Enum("kind", WireNames.PaymentKinds, PaymentKind.Payment));

    private static DiscountPlanRecord ReadDiscountPlan(JsonRecord r)
    {
        var g = new JsonRecord(r.Object("destination_group"), r.Where + ", destination_group", GroupFields);
        var classes = g.Strings("classes").Select(c => WireNames.NumberClasses.TryGetValue(c, out var nc) ? nc : throw g.Error($"'{c}' is not a number class ({string.Join(", ", WireNames.NumberClasses.Keys)})"));
        var basis = r.Enum<DiscountBasis>("basis", WireNames.DiscountBases);
        var tiers = new List<DiscountTier>();
        foreach (var t in r.Records("thresholds", TierFields))
        {
            var from = basis == DiscountBasis.Minutes ? checked(t.Int("from") * 60L) : t.Money("from").Value;
            var percent = t.OptionalString("percent") ?? throw t.Error("missing field \"percent\" (a string such as \"12.5\")");
            if (!FixedPointText.TryParse(percent.AsSpan(), 2, allowSign: false, out var basisPoints) || basisPoints > DiscountTier.Whole)
            {
                throw t.Error($"percent '{percent}' is not 0 to 100 with at most 2 decimals");
            }

            tiers.Add(new DiscountTier(from, (int)basisPoints));
        }

        try
        {
            var group = new DestinationGroup(g.NonEmpty("name"), g.Strings("prefixes"), classes);
            return new DiscountPlanRecord(new DiscountPlan(r.NonEmpty("id"), r.NonEmpty("name"), group, basis, tiers, r.Int("precedence"), r.Bool("combinable")));
        }
        catch (ArgumentException e)
        {
            throw r.Error(e.Message.Split(" (Parameter")[0]);
        }
    }
}
