using Microsoft.Extensions.DependencyInjection;

namespace Centrex.Portal.Features;

/// <summary>The query and change classes of each feature, one instance per request (each reads through the request's <see cref="Security.CustomerScope"/>).</summary>
internal static class FeatureServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<Customer.Invoices.InvoiceQueries>();
        services.AddScoped<Customer.Calls.CallQueries>();
        services.AddScoped<Customer.Reports.XdrDownload>();
        services.AddScoped<Customer.Lines.LineQueries>();
        services.AddScoped<Customer.Lines.LineChanges>();
        services.AddScoped<Customer.Tickets.TicketDesk>();
        services.AddScoped<Customer.Payments.PaymentDesk>();
        services.AddScoped<Customer.DialPlan.DialPlanChanges>();
        services.AddScoped<Customer.Dids.DidChanges>();
        services.AddScoped<Customer.Sites.SiteQueries>();
        services.AddScoped<Customer.Sites.SiteChanges>();
        services.AddScoped<Operator.Products.DiscountPlanEditor>();
        services.AddScoped<Customer.Subscriptions.SubscriptionQueries>();
        services.AddScoped<Customer.IncomingCalls.FeatureChanges>();
        services.AddScoped<Customer.Identity.IdentityChanges>();
        services.AddScoped<Customer.Huntgroups.HuntGroupChanges>();
        services.AddScoped<Customer.MusicOnHold.MusicDesk>();
        services.AddSingleton(sp => new Centrex.Provisioning.MusicOnHold.MusicOnHoldStore(sp.GetRequiredService<Data.PortalData>().DataDirectory));
        services.AddScoped<Customer.Discounts.DiscountQueries>();
        services.AddScoped<Customer.Profile.ProfileChanges>();
        services.AddSingleton<Operator.Ledger.LedgerVerifications>();
        services.AddScoped<Customer.Profile.CustomerKeys>();
        services.AddScoped<Customer.Transactions.TransactionQueries>();
        services.AddScoped<Customer.PaymentInfo.AutoPayChanges>();
        services.AddSingleton<Data.ProvisioningChanges>();
        services.AddSingleton<Operator.Customers.CurrencyChangeGuard>();
        services.AddSingleton<Operator.Customers.CustomerEditor>();
        services.AddSingleton<Operator.Customers.CustomerKeyDesk>();
        services.AddSingleton<Operator.Accounts.AccountEditor>();
        services.AddSingleton<Operator.Billing.BillingRuns>();
        services.AddSingleton<Operator.Payments.PaymentEntry>();
        services.AddSingleton(sp => Operator.Logins.LoginDesk.Of(sp.GetRequiredService<Data.PortalData>()));
        services.AddSingleton<Operator.Tickets.TicketAnswers>();
    }
}
