using System.Text.Json;
using Centrex.Provisioning.Model;
using Centrex.Rating.Discounts;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using NodaTime.Text;

namespace Centrex.Provisioning.Json;

/// <summary>Writes the provisioning JSON format; what it writes <see cref="ProvisioningJsonReader"/> reads back to the same snapshot.</summary>
public static partial class ProvisioningJsonWriter
{
    /// <summary>Writes <paramref name="snapshot"/> as indented UTF-8 JSON, amounts as strings so no reader turns them into floating point.</summary>
    public static void Write(ProvisioningSnapshot snapshot, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("format", ProvisioningJsonReader.Format);
        WriteSwitch(w, snapshot);
        Array(w, "customers", snapshot.Customers, (w, c) =>
        {
            w.WriteString("id", c.Id);
            w.WriteString("company", c.Company);
            w.WriteString("contact", c.Contact);
            w.WriteString("email", c.Email);
            WriteAddress(w, "address", c.Address);
            w.WriteString("currency", c.Currency);
            w.WriteString("time_zone", c.TimeZone);
            if (c.TaxId is not null)
            {
                w.WriteString("tax_id", c.TaxId);
            }

            w.WriteString("send_statistic", WireNames.Name(WireNames.SendStatistics, c.SendStatistic));
            if (c.RateCentre is not null)
            {
                w.WriteString("rate_centre", c.RateCentre);
            }

            if (c.AutoPay is { } pay)
            {
                w.WriteStartObject("auto_pay");
                w.WriteString("method", "card");
                w.WriteString("card_token", pay.CardToken);
                w.WriteString("card_label", pay.CardLabel);
                w.WriteBoolean("pay_invoices", pay.PayInvoices);
                if (pay.RechargeBelow is { } below && pay.RechargeAmount is { } amount)
                {
                    w.WriteString("recharge_below", below.ToString());
                    w.WriteString("recharge_amount", amount.ToString());
                }

                w.WriteEndObject();
            }
            WriteDialPlan(w, c.DialPlan);
            WriteScreening(w, c.Screening);
            if (c.CallerId is { } main)
            {
                w.WriteString("caller_id", "+" + main);
            }

            WriteStatus(w, c.Status);
            if (c.NightMode)
            {
                w.WriteBoolean("night_mode", true); // set by *33 (seed 002); written only when on, like the other switches
            }

            if (c.AllowPrivateForwarding)
            {
                w.WriteBoolean("allow_private_forwarding", true); // the operator's choice, written only when on
            }
        });
        Array(w, "accounts", snapshot.Accounts, (w, a) =>
        {
            w.WriteString("id", a.Id);
            w.WriteString("customer", a.CustomerId);
            w.WriteString("type", WireNames.Name(WireNames.AccountTypes, a.Type));
            w.WriteString("credit_limit", a.CreditLimit.ToString());
            if (a.Site is not null)
            {
                w.WriteString("site", a.Site);
            }

            w.WriteBoolean("requires_911", a.Requires911);
            w.WriteStartArray("discount_plans");
            foreach (var plan in a.DiscountPlans)
            {
                w.WriteStringValue(plan);
            }

            w.WriteEndArray();
            WriteLine(w, a);
            if (a.E911Address is { } e911)
            {
                WriteAddress(w, "e911_address", e911);
            }

            if (a.RateCentre is not null)
            {
                w.WriteString("rate_centre", a.RateCentre);
            }

            if (a.InboundRates.Count > 0)
            {
                w.WriteStartObject("inbound_rates");
                foreach (var (number, rate) in a.InboundRates.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    w.WriteString("+" + number, rate.ToString());
                }

                w.WriteEndObject();
            }

            WriteFraud(w, a.Fraud);
            WriteIdentity(w, a.Identity);
            WriteScreening(w, a.Screening);
            WriteStatus(w, a.Status);
        });
        Array(w, "products", snapshot.Products, (w, p) =>
        {
            w.WriteString("id", p.Id);
            w.WriteString("name", p.Name);
            w.WriteString("monthly_fee", p.MonthlyFee.ToString());
            w.WriteNumber("free_north_america_minutes", p.FreeNorthAmericaMinutes);
            if (p.SetupFee.Value != 0)
            {
                w.WriteString("setup_fee", p.SetupFee.ToString());
            }
        });
        Array(w, "subscriptions", snapshot.Subscriptions, (w, s) =>
        {
            w.WriteString("id", s.Id);
            w.WriteString("account", s.AccountId);
            w.WriteString("product", s.ProductId);
            w.WriteString("start", LocalDatePattern.Iso.Format(s.Start));
            if (s.End is { } end)
            {
                w.WriteString("end", LocalDatePattern.Iso.Format(end));
            }

            if (s.Replaces is not null)
            {
                w.WriteString("replaces", s.Replaces);
            }

            if (s.Did is not null)
            {
                w.WriteString("did", "+" + s.Did);
            }
        });
        Array(w, "discount_plans", snapshot.DiscountPlans, (w, d) => WritePlan(w, d.Plan));
        Array(w, "payments", snapshot.Payments, (w, p) =>
        {
            w.WriteString("id", p.Id);
            w.WriteString("customer", p.CustomerId);
            w.WriteString("received", LocalDatePattern.Iso.Format(p.Received));
            w.WriteString("amount", p.Amount.ToString());
            w.WriteString("method", WireNames.Name(WireNames.PaymentMethods, p.Method));
            w.WriteString("reference", p.Reference);
            w.WriteString("kind", WireNames.Name(WireNames.PaymentKinds, p.Kind));
        });
        Array(w, "rate_centres", snapshot.RateCentres, (w, r) =>
        {
            w.WriteString("id", r.Id);
            w.WriteString("name", r.Name);
            w.WriteStartArray("prefixes");
            foreach (var prefix in r.Prefixes)
            {
                w.WriteStringValue(prefix);
            }

            w.WriteEndArray();
            w.WriteString("rate", r.RatePerMinute.ToString());
        });
        Array(w, "fees", snapshot.Fees, (w, f) =>
        {
            w.WriteString("id", f.Id);
            w.WriteString("account", f.AccountId);
            w.WriteString("date", LocalDatePattern.Iso.Format(f.Date));
            w.WriteString("kind", WireNames.Name(WireNames.FeeKinds, f.Kind));
            if (f.Number is not null)
            {
                w.WriteString("number", "+" + f.Number);
            }

            w.WriteString("description", f.Description);
            w.WriteString("amount", f.Amount.ToString());
        });
        WriteFlowSections(w, snapshot);
        w.WriteEndObject();
    }

    private static void WritePlan(Utf8JsonWriter w, DiscountPlan plan)
    {
        w.WriteString("id", plan.Id);
        w.WriteString("name", plan.Name);
        w.WriteStartObject("destination_group");
        w.WriteString("name", plan.Group.Name);
        w.WriteStartArray("prefixes");
        foreach (var prefix in plan.Group.Prefixes)
        {
            w.WriteStringValue(prefix);
        }

        w.WriteEndArray();
        w.WriteStartArray("classes");
        foreach (var c in plan.Group.Classes)
        {
            w.WriteStringValue(c.ToWireName());
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteString("basis", WireNames.Name(WireNames.DiscountBases, plan.Basis));
        w.WriteStartArray("thresholds");
        Span<char> percent = stackalloc char[16];
        foreach (var tier in plan.Tiers)
        {
            w.WriteStartObject();
            if (plan.Basis == DiscountBasis.Minutes)
            {
                w.WriteNumber("from", tier.Threshold / 60);
            }
            else
            {
                w.WriteString("from", new Mills(tier.Threshold).ToString());
            }

            FixedPointText.TryFormat(tier.BasisPoints, 2, percent, out var written);
            w.WriteString("percent", percent[..written]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("precedence", plan.Precedence);
        w.WriteBoolean("combinable", plan.Combinable);
    }

    // Written only when suspended: an active record's JSON stays as it was before statuses existed.
    private static void WriteStatus(Utf8JsonWriter w, ServiceStatus status)
    {
        if (status != ServiceStatus.Active)
        {
            w.WriteString("status", WireNames.Name(WireNames.ServiceStatuses, status));
        }
    }

    private static void Array<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            write(w, item);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteAddress(Utf8JsonWriter w, string name, ServiceAddress address)
    {
        w.WriteStartObject(name);
        w.WriteString("street", address.Street);
        w.WriteString("city", address.City);
        if (address.Province is not null)
        {
            w.WriteString("province", address.Province);
        }

        w.WriteString("country", address.Country);
        w.WriteString("postal_code", address.PostalCode);
        w.WriteEndObject();
    }
}
