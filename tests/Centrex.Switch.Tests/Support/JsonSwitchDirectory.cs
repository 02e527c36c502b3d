using System.Net;
using System.Text.Json;
using Centrex.Rating.Money;
using Centrex.Switch.Provisioning;

namespace Centrex.Switch.Tests.Support;

/// <summary>
/// A switch directory for the switch's own tests, read from compact JSON (camelCase names, the switch's records one to
/// one). The product reads the one provisioning format instead (<c>centrex serve</c> adapts it in the host); this lets
/// the switch be tested without the provisioning module, as the module rules want. Loading checks every reference.
/// </summary>
internal sealed partial class JsonSwitchDirectory : ISwitchDirectory
{
    private readonly Dictionary<string, SwitchAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SwitchCustomer> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SwitchAccount> _dids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SwitchTrunk> _trunks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SwitchSite> _sites = new(StringComparer.Ordinal);
    private readonly SwitchSite _defaultSite;

    private JsonSwitchDirectory(Model model, string source)
    {
        Realm = string.IsNullOrEmpty(model.Realm) ? "centrex" : model.Realm;
        DigestAlgorithms = model.DigestAlgorithms is { Count: > 0 } algorithms ? algorithms : ["SHA-256", "MD5"];
        foreach (var algorithm in DigestAlgorithms)
        {
            if (algorithm is not ("MD5" or "SHA-256"))
            {
                throw new FormatException($"{source}: digestAlgorithms: unknown algorithm '{algorithm}' (MD5 or SHA-256)");
            }
        }

        FeatureCodes = new HashSet<string>(model.FeatureCodes ?? ["*72", "*73", "*97", "*98", "*33"], StringComparer.Ordinal);
        EmergencyNumbers = new HashSet<string>(model.EmergencyNumbers ?? ["911", "933"], StringComparer.Ordinal);
        EmergencyTrunkId = model.EmergencyTrunk;
        EmergencyCallback = model.EmergencyCallback?.TrimStart('+');
        foreach (var site in model.Sites ?? [])
        {
            _sites[Required(site.Id, source, "sites[].id")] = new SwitchSite(site.Id!, site.Name ?? site.Id!, site.MaxCalls,
                site.MaxIncoming, site.MaxOutgoing, site.MaxForwarded, site.MaxBandwidthKbps, site.MaxIncomingKbps, site.MaxOutgoingKbps);
        }

        _defaultSite = _sites.TryGetValue(SwitchSite.DefaultId, out var d) ? d : new SwitchSite(SwitchSite.DefaultId, "Default site");
        _sites[SwitchSite.DefaultId] = _defaultSite;

        foreach (var trunk in model.Trunks ?? [])
        {
            var id = Required(trunk.Id, source, "trunks[].id");
            var address = Endpoint(trunk.Address, source, $"trunks[{id}].address", 5060);
            var sources = (trunk.Sources ?? [trunk.Address!]).Select(s => Endpoint(s, source, $"trunks[{id}].sources", 0)).ToArray();
            _trunks[id] = new SwitchTrunk(id, address, sources);
        }

        var extensions = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var customer in model.Customers ?? [])
        {
            var id = Required(customer.Id, source, "customers[].id");
            if (customer.Trunk is not null && !_trunks.ContainsKey(customer.Trunk))
            {
                throw new FormatException($"{source}: customers[{id}].trunk: no trunk '{customer.Trunk}'");
            }

            var rules = customer.DialingRules switch
            {
                null or "" or "e164" => DialingRules.E164,
                "north-america" => DialingRules.NorthAmerica,
                var other => throw new FormatException($"{source}: customers[{id}].dialingRules: '{other}' is not e164 or north-america"),
            };
            extensions[id] = new Dictionary<string, string>(StringComparer.Ordinal);
            _customers[id] = new SwitchCustomer(id, extensions[id],
                new Dictionary<string, string>(customer.Abbreviated ?? [], StringComparer.Ordinal), rules, customer.Trunk) {
                    Screening = Screening(customer.Screening), CallerId = customer.CallerId?.TrimStart('+'), Suspended = customer.Suspended,
                    AbbreviatedLength = customer.AbbreviatedLength,
                };
        }

        foreach (var account in model.Accounts ?? [])
        {
            var id = Required(account.Id, source, "accounts[].id");
            var customer = Required(account.Customer, source, $"accounts[{id}].customer");
            if (!_customers.ContainsKey(customer))
            {
                throw new FormatException($"{source}: accounts[{id}].customer: no customer '{customer}'");
            }

            if (account.Site is not null && !_sites.ContainsKey(account.Site))
            {
                throw new FormatException($"{source}: accounts[{id}].site: no site '{account.Site}'");
            }

            if (account.Ha1Md5 is null && account.Ha1Sha256 is null)
            {
                throw new FormatException($"{source}: accounts[{id}]: needs ha1Md5 or ha1Sha256 (digest hashes, never passwords)");
            }

            Mills? creditLimit = account.CreditLimit is null ? null
                : Mills.TryParse(account.CreditLimit, out var limit) && limit.Value >= 0 ? limit
                : throw new FormatException($"{source}: accounts[{id}].creditLimit: '{account.CreditLimit}' is not an amount such as \"25.00\"");
            var dids = (model.Dids ?? []).Where(d => d.Account == id).Select(d => d.Number!.TrimStart('+')).ToList();
            var entry = new SwitchAccount(id, customer, account.Site, account.Extension, account.Username ?? id,
                account.Ha1Md5?.ToLowerInvariant(), account.Ha1Sha256?.ToLowerInvariant(), account.Type ?? "credit", creditLimit)
            {
                Dids = dids,
                EmergencyLocation = account.E911 is { } e911 ? new EmergencyLocation(e911.Street ?? "", e911.City ?? "", e911.Province, e911.Country ?? "", e911.PostalCode ?? "") : null,
                Fraud = Fraud(account.Fraud, source, id),
                Identity = Identity(account.Identity, source, id),
                Screening = Screening(account.Screening),
                Suspended = account.Suspended || _customers[customer].Suspended,
            };
            _accounts[id] = entry;
            _accounts[entry.Username] = entry;
            if (account.Extension is not null && !extensions[customer].TryAdd(account.Extension, id))
            {
                throw new FormatException($"{source}: accounts[{id}].extension: {account.Extension} is already used in customer '{customer}'");
            }
        }

        foreach (var did in model.Dids ?? [])
        {
            var number = Required(did.Number, source, "dids[].number").TrimStart('+');
            if (did.Account is null || !_accounts.TryGetValue(did.Account, out var owner))
            {
                throw new FormatException($"{source}: dids[{number}].account: no account '{did.Account}'");
            }

            _dids[number] = owner;
        }
    }

    /// <inheritdoc/>
    public string Realm { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> DigestAlgorithms { get; }

    /// <inheritdoc/>
    public IReadOnlySet<string> FeatureCodes { get; }

    public IReadOnlySet<string> EmergencyNumbers { get; }

    public string? EmergencyTrunkId { get; }

    public string? EmergencyCallback { get; }

    /// <summary>Loads and checks a directory file; throws <see cref="FormatException"/> naming the file and entry.</summary>
    public static JsonSwitchDirectory Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses directory JSON; <paramref name="source"/> names it in errors.</summary>
    public static JsonSwitchDirectory Parse(string json, string source)
    {
        Model? model;
        try
        {
            model = JsonSerializer.Deserialize<Model>(json, _options);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: line {e.LineNumber + 1}: {e.Message}", e);
        }

        return new JsonSwitchDirectory(model ?? new Model(), source);
    }

    /// <inheritdoc/>
    public SwitchAccount? FindAccount(string usernameOrId) => _accounts.GetValueOrDefault(usernameOrId);

    public SwitchAccount? FindAccount(ReadOnlySpan<char> usernameOrId) =>
        _accounts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(usernameOrId, out var account) ? account : null;

    /// <inheritdoc/>
    public SwitchCustomer? FindCustomer(string id) => _customers.GetValueOrDefault(id);

    /// <inheritdoc/>
    public SwitchAccount? FindByDid(string e164) => _dids.GetValueOrDefault(e164);

    public SwitchAccount? FindByDid(ReadOnlySpan<char> e164) =>
        _dids.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(e164, out var account) ? account : null;

    /// <inheritdoc/>
    public SwitchTrunk? FindTrunk(string id) => _trunks.GetValueOrDefault(id);

    /// <inheritdoc/>
    public SwitchTrunk? FindTrunkBySource(IPEndPoint remote)
    {
        foreach (var trunk in _trunks.Values) // no LINQ: the router asks this for every request (no allocation per message)
        {
            if (trunk.IsSource(remote))
            {
                return trunk;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public SwitchTrunk? FindTrunkByAddress(IPEndPoint address)
    {
        foreach (var trunk in _trunks.Values)
        {
            if (trunk.Address.Equals(address))
            {
                return trunk;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public SwitchSite FindSite(string? id) => id is not null && _sites.TryGetValue(id, out var site) ? site : _defaultSite;

    private static SwitchFraudLimits? Fraud(FraudModel? fraud, string source, string id)
    {
        if (fraud is null)
        {
            return null;
        }

        Mills? Amount(string? text, string field) => text is null ? null
            : Mills.TryParse(text, out var amount) && amount.Value >= 0 ? amount
            : throw new FormatException($"{source}: accounts[{id}].fraud.{field}: '{text}' is not an amount such as \"20.00\"");
        var blocked = fraud.Blocked ?? [];
        foreach (var name in blocked.Where(b => b is not ("international" or "premium")))
        {
            throw new FormatException($"{source}: accounts[{id}].fraud.blocked: '{name}' is not international or premium");
        }

        return new SwitchFraudLimits(fraud.MaxInternationalCalls, Amount(fraud.MaxSpendPerHour, "maxSpendPerHour"), Amount(fraud.MaxSpendPerDay, "maxSpendPerDay"),
            blocked.Contains("international"), blocked.Contains("premium"));
    }

    private static SwitchScreening Screening(ScreeningModel? model) => model is null ? SwitchScreening.None
        : new SwitchScreening(model.Dnd, model.AnonymousRejection, model.CallWaiting,
            model.BlockedNumbers?.Select(n => n.TrimStart('+')).ToList(), model.BlockedPrefixes?.Select(n => n.TrimStart('+')).ToList());

    private static SwitchIdentity Identity(IdentityModel? model, string source, string id) => model is null ? SwitchIdentity.Default
        : new SwitchIdentity(model.CallerId?.TrimStart('+'), model.HideCli switch
        {
            null or "automatic" => HideCli.Automatic,
            "never" => HideCli.Never,
            "always" => HideCli.Always,
            var other => throw new FormatException($"{source}: accounts[{id}].identity.hideCli: '{other}' is not never, always or automatic"),
        }, model.HidePrefix, model.ShowPrefix);

    private static string Required(string? value, string source, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"{source}: {field} is missing") : value;

    private static IPEndPoint Endpoint(string? text, string source, string field, int defaultPort)
    {
        if (text is not null && IPEndPoint.TryParse(text, out var endpoint))
        {
            return endpoint.Port == 0 && defaultPort != 0 ? new IPEndPoint(endpoint.Address, defaultPort) : endpoint;
        }

        throw new FormatException($"{source}: {field}: '{text}' is not an IP address with an optional port");
    }
}
