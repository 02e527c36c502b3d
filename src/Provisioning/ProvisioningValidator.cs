using Centrex.Provisioning.Model;
using NodaTime;

namespace Centrex.Provisioning;

/// <summary>
/// Checks a whole snapshot: references between records, and the rules that span records. Every message names the
/// record (section and id).
/// </summary>
public static partial class ProvisioningValidator
{
    /// <summary>Canadian provinces and territories (two-letter codes), for service addresses in Canada.</summary>
    public static readonly IReadOnlySet<string> Provinces = new HashSet<string>(StringComparer.Ordinal)
    {
        "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT",
    };

    /// <summary>Throws <see cref="ProvisioningException"/> at the first record that breaks a rule.</summary>
    /// <param name="s">The whole provisioning, as it would be stored.</param>
    /// <param name="source">Names the input in messages.</param>
    /// <param name="stored">
    /// What is stored before the change, when <paramref name="s"/> is a change to it: a rule between two records
    /// (dialing rules against extensions) names the record that changed.
    /// </param>
    public static void Validate(ProvisioningSnapshot s, string source, ProvisioningSnapshot? stored = null)
    {
        var customers = s.Customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var accounts = s.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var products = s.Products.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var plans = s.DiscountPlans.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var subscriptions = s.Subscriptions.ToDictionary(x => x.Id, StringComparer.Ordinal);

        foreach (var c in s.Customers)
        {
            var where = $"{source}: customers (id \"{c.Id}\")";
            if (!CustomerIds.IsValid(c.Id))
            {
                throw new ProvisioningException(where, ProvisioningErrors.CustomerId, "id is not 1 to 64 letters, digits, '-', '_' or '.' (it names the customer's downloads and URLs)");
            }

            if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(c.TimeZone) is null)
            {
                throw new ProvisioningException(where, ProvisioningErrors.TimeZone, $"time_zone '{c.TimeZone}' is not an IANA time zone (e.g. America/Toronto)", c.TimeZone);
            }

            if (c.Address.Country.Length != 2 || !c.Address.Country.All(char.IsAsciiLetterUpper))
            {
                throw new ProvisioningException(where, ProvisioningErrors.Country, $"address.country '{c.Address.Country}' is not a two-letter ISO code (CA, US, ...)", c.Address.Country);
            }

            if (c.Address.InCanada && (c.Address.Province is null || !Provinces.Contains(c.Address.Province)))
            {
                throw new ProvisioningException(where, ProvisioningErrors.Province, $"address.province '{c.Address.Province}' is not a Canadian province or territory ({string.Join(", ", Provinces)})", c.Address.Province ?? string.Empty, string.Join(", ", Provinces));
            }

            if (c.Currency.Length != 3 || !c.Currency.All(char.IsAsciiLetterUpper))
            {
                throw new ProvisioningException(where, ProvisioningErrors.Currency, $"currency '{c.Currency}' is not an ISO 4217 code", c.Currency);
            }
        }

        foreach (var a in s.Accounts)
        {
            var where = $"{source}: accounts (id \"{a.Id}\")";
            if (!customers.TryGetValue(a.CustomerId, out var customer))
            {
                throw new ProvisioningException(where, ProvisioningErrors.CustomerUnknown, $"customer \"{a.CustomerId}\" does not exist", a.CustomerId);
            }

            if (a.CreditLimit.Value < 0)
            {
                throw new ProvisioningException(where, ProvisioningErrors.CreditLimitNegative, $"credit_limit is negative");
            }

            // Provider FAQ, "Where is 911 service available?": across Canada only.
            if (a.Requires911 && !customer.Address.InCanada)
            {
                throw new ProvisioningException(where, ProvisioningErrors.Requires911Canada, $"requires_911 is only for service addresses in Canada (customer \"{customer.Id}\" is in {customer.Address.Country})", customer.Id, customer.Address.Country);
            }

            foreach (var plan in a.DiscountPlans.Where(p => !plans.Contains(p)))
            {
                throw new ProvisioningException(where, ProvisioningErrors.DiscountPlanUnknown, $"discount plan \"{plan}\" does not exist", plan);
            }

            if (a.Fraud is { } fraud)
            {
                ValidateFraud(fraud, where);
            }
        }

        ValidateSwitch(s, source, stored);
        ValidateIdentity(s, source);

        foreach (var p in s.Products.Where(p => p.MonthlyFee.Value < 0 || p.FreeNorthAmericaMinutes < 0 || p.SetupFee.Value < 0))
        {
            throw new ProvisioningException($"{source}: products (id \"{p.Id}\")", ProvisioningErrors.ProductFeesNegative, "monthly_fee, setup_fee and free_north_america_minutes may not be negative");
        }

        var centres = s.RateCentres.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var r in s.RateCentres)
        {
            foreach (var prefix in r.Prefixes.Where(p => p.Length is < 2 or > 15 || p[0] != '1' || !p.All(char.IsAsciiDigit)))
            {
                throw new ProvisioningException($"{source}: rate_centres (id \"{r.Id}\")", ProvisioningErrors.RateCentrePrefix, $"prefix '{prefix}' is not a NANP prefix (1 then the NPA or NPA-NXX digits, e.g. 1514555)", prefix);
            }

            if (r.RatePerMinute.Value < 0)
            {
                throw new ProvisioningException($"{source}: rate_centres (id \"{r.Id}\")", ProvisioningErrors.RateCentreRateNegative, "rate may not be negative");
            }
        }

        foreach (var c in s.Customers.Where(c => c.RateCentre is not null && !centres.Contains(c.RateCentre)))
        {
            throw new ProvisioningException($"{source}: customers (id \"{c.Id}\")", ProvisioningErrors.RateCentreUnknown, $"rate centre \"{c.RateCentre}\" does not exist", c.RateCentre!);
        }

        foreach (var a in s.Accounts)
        {
            if (a.RateCentre is not null && !centres.Contains(a.RateCentre))
            {
                throw new ProvisioningException($"{source}: accounts (id \"{a.Id}\")", ProvisioningErrors.RateCentreUnknown, $"rate centre \"{a.RateCentre}\" does not exist", a.RateCentre);
            }

            foreach (var number in a.InboundRates.Keys.Where(n => !a.Dids.Contains(n)))
            {
                throw new ProvisioningException($"{source}: accounts (id \"{a.Id}\")", ProvisioningErrors.InboundRateNotDid, $"inbound rate for +{number}, which is not one of its dids", number);
            }
        }

        foreach (var f in s.Fees)
        {
            var where = $"{source}: fees (id \"{f.Id}\")";
            if (!accounts.ContainsKey(f.AccountId))
            {
                throw new ProvisioningException(where, ProvisioningErrors.AccountUnknown, $"account \"{f.AccountId}\" does not exist", f.AccountId);
            }

            if (f.Amount.Value <= 0)
            {
                throw new ProvisioningException(where, ProvisioningErrors.FeeAmount, "amount must be positive (a fee charged by mistake is corrected by changing it: billing credits the difference)");
            }
        }

        var replacedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var x in s.Subscriptions)
        {
            var where = $"{source}: subscriptions (id \"{x.Id}\")";
            if (!accounts.ContainsKey(x.AccountId))
            {
                throw new ProvisioningException(where, ProvisioningErrors.AccountUnknown, $"account \"{x.AccountId}\" does not exist", x.AccountId);
            }

            if (!products.TryGetValue(x.ProductId, out var product))
            {
                throw new ProvisioningException(where, ProvisioningErrors.SubscriptionProductUnknown, $"product \"{x.ProductId}\" does not exist", x.ProductId);
            }

            if (x.End is { } end && end < x.Start)
            {
                throw new ProvisioningException(where, ProvisioningErrors.SubscriptionEndBeforeStart, $"end {end:uuuu-MM-dd} is before start {x.Start:uuuu-MM-dd}", NodaTime.Text.LocalDatePattern.Iso.Format(end), NodaTime.Text.LocalDatePattern.Iso.Format(x.Start));
            }

            if (x.Replaces is null)
            {
                continue;
            }

            if (!subscriptions.TryGetValue(x.Replaces, out var old) || old.Id == x.Id || old.AccountId != x.AccountId)
            {
                throw new ProvisioningException(where, ProvisioningErrors.SubscriptionReplacesUnknown, $"replaces \"{x.Replaces}\", which is not another subscription of account \"{x.AccountId}\"", x.Replaces, x.AccountId);
            }

            if (!replacedBy.TryAdd(old.Id, x.Id))
            {
                throw new ProvisioningException(where, ProvisioningErrors.SubscriptionReplacedTwice, $"subscription \"{old.Id}\" is already replaced by \"{replacedBy[old.Id]}\"", old.Id, replacedBy[old.Id]);
            }

            if (old.Start >= x.Start || (old.End is { } oldEnd && oldEnd != x.Start.PlusDays(-1)))
            {
                throw new ProvisioningException(where, ProvisioningErrors.SubscriptionChangeStart, $"a plan change starts the day after the replaced subscription \"{old.Id}\" ends (its end must be {x.Start.PlusDays(-1):uuuu-MM-dd} or empty)", old.Id, NodaTime.Text.LocalDatePattern.Iso.Format(x.Start.PlusDays(-1)));
            }

            // Provider FAQ, "Can I change my rate plans?": a lower-priced plan takes effect at the end of the cycle.
            // ScheduleDowngrades moved every such request to the 1st before validation; one still mid-month is a bug.
            if (product.MonthlyFee < products[old.ProductId].MonthlyFee && x.Start.Day != 1)
            {
                throw new ProvisioningException(where, ProvisioningErrors.SubscriptionDowngradeStart, $"a change to a lower-priced plan takes effect at the end of the cycle, so it starts on the 1st of a month, not {x.Start:uuuu-MM-dd}", NodaTime.Text.LocalDatePattern.Iso.Format(x.Start));
            }
        }

        ValidateFeesInCurrencies(s, source, stored);

        foreach (var p in s.Payments)
        {
            var where = $"{source}: payments (id \"{p.Id}\")";
            if (!customers.ContainsKey(p.CustomerId))
            {
                throw new ProvisioningException(where, ProvisioningErrors.CustomerUnknown, $"customer \"{p.CustomerId}\" does not exist", p.CustomerId);
            }

            if (p.Amount.Value <= 0)
            {
                throw new ProvisioningException(where, ProvisioningErrors.PaymentAmount, "amount must be positive (a refund is kind \"refund\")");
            }

            if (p.Amount > Payment.MaxAmount)
            {
                throw new ProvisioningException($"{where}: amount is more than {Payment.MaxAmount}, the most one payment records");
            }
        }
    }

    /// <summary>
    /// Provider FAQ, "Can I change my rate plans?": "If you are changing to a lower priced rate plan, the change will only
    /// occur at the end of your current billing cycle." A change to a lower-priced plan asked for mid-month is accepted
    /// and scheduled: it starts on the 1st of the next month and the plan it replaces runs to the end of this one. Each
    /// change so moved is told to <paramref name="notice"/>. Records already scheduled are left as they are.
    /// </summary>
    public static ProvisioningSnapshot ScheduleDowngrades(ProvisioningSnapshot s, Action<string>? notice = null)
    {
        var products = s.Products.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var byId = s.Subscriptions.ToDictionary(x => x.Id, StringComparer.Ordinal);
        var moved = new Dictionary<string, Subscription>(StringComparer.Ordinal);
        foreach (var x in s.Subscriptions)
        {
            if (x.Replaces is null || x.Start.Day == 1 || !byId.TryGetValue(x.Replaces, out var old)
                || !products.TryGetValue(x.ProductId, out var product) || !products.TryGetValue(old.ProductId, out var oldProduct)
                || product.MonthlyFee >= oldProduct.MonthlyFee || (old.End is { } end && end != x.Start.PlusDays(-1)))
            {
                continue; // not a mid-month downgrade (or one the validator will refuse with its own message)
            }

            var start = x.Start.With(DateAdjusters.EndOfMonth).PlusDays(1);
            moved[x.Id] = x with { Start = start };
            moved[old.Id] = (moved.GetValueOrDefault(old.Id) ?? old) with { End = start.PlusDays(-1) };
            notice?.Invoke($"subscription \"{x.Id}\" (a lower-priced plan asked for {x.Start:uuuu-MM-dd}) is scheduled for {start:uuuu-MM-dd}, the end of the billing cycle; \"{old.Id}\" runs to {start.PlusDays(-1):uuuu-MM-dd}");
        }

        return moved.Count == 0 ? s : s with { Subscriptions = [.. s.Subscriptions.Select(x => moved.GetValueOrDefault(x.Id) ?? x)] };
    }

    /// <summary>
    /// The store after importing <paramref name="incoming"/>: records replace stored ones with the same id, others are
    /// added, nothing is removed; switch settings, when given, replace the stored ones. Payments are money already received: one already stored may not change,
    /// and a new one was received by tomorrow (<see cref="Payment.LatestReceived"/> of <paramref name="now"/>) and not more than
    /// ten years before (<see cref="Payment.EarliestReceived"/>). The date is
    /// checked here, on the payments coming in, and not in <see cref="Validate"/>: a store is validated again whenever it is
    /// read (serve's switch), and a payment stored before this rule with a date since passed must not stop it.
    /// </summary>
    public static ProvisioningSnapshot Merge(ProvisioningSnapshot stored, ProvisioningSnapshot incoming, string source, Instant now)
    {
        var payments = stored.Payments.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var latest = Payment.LatestReceived(now);
        var earliest = Payment.EarliestReceived(now);
        foreach (var p in incoming.Payments)
        {
            var where = $"{source}: payments (id \"{p.Id}\")";
            if (!payments.TryGetValue(p.Id, out var existing))
            {
                if (p.Received > latest)
                {
                    var day = NodaTime.Text.LocalDatePattern.Iso.Format(p.Received);
                    var tomorrow = NodaTime.Text.LocalDatePattern.Iso.Format(latest);
                    throw new ProvisioningException(where, ProvisioningErrors.PaymentReceivedFuture, $"received '{day}' is in the future (the latest is {tomorrow}, tomorrow): a payment records money already received", day, tomorrow);
                }

                if (p.Received < earliest)
                {
                    var day = NodaTime.Text.LocalDatePattern.Iso.Format(p.Received);
                    var first = NodaTime.Text.LocalDatePattern.Iso.Format(earliest);
                    throw new ProvisioningException(where, ProvisioningErrors.PaymentReceivedPast, $"received '{day}' is more than ten years ago (the earliest is {first}): check the year", day, first);
                }
            }
            else if (existing != p)
            {
                throw new ProvisioningException(where, ProvisioningErrors.PaymentChanged, $"payment \"{p.Id}\" is already recorded with other details; payments cannot change (record a refund instead)", p.Id);
            }
        }

        return new ProvisioningSnapshot(
            MergeById(stored.Customers, incoming.Customers, c => c.Id),
            MergeById(stored.Accounts, incoming.Accounts, a => a.Id),
            MergeById(stored.Products, incoming.Products, p => p.Id),
            MergeById(stored.Subscriptions, incoming.Subscriptions, x => x.Id),
            MergeById(stored.DiscountPlans, incoming.DiscountPlans, d => d.Id),
            MergeById(stored.Payments, incoming.Payments, p => p.Id),
            incoming.Switch ?? stored.Switch,
            MergeById(stored.Sites, incoming.Sites, s => s.Id),
            MergeById(stored.Trunks, incoming.Trunks, t => t.Id))
        {
            Fees = MergeById(stored.Fees, incoming.Fees, f => f.Id),
            RateCentres = MergeById(stored.RateCentres, incoming.RateCentres, r => r.Id),
            CallFlows = MergeById(stored.CallFlows, incoming.CallFlows, f => f.Id),
            HuntGroups = MergeById(stored.HuntGroups, incoming.HuntGroups, g => g.Id),
        };
    }

    private static List<T> MergeById<T>(IEnumerable<T> stored, IEnumerable<T> incoming, Func<T, string> id)
    {
        var merged = stored.ToDictionary(id, StringComparer.Ordinal);
        foreach (var item in incoming)
        {
            merged[id(item)] = item;
        }

        return [.. merged.Values.OrderBy(id, StringComparer.Ordinal)];
    }
}
