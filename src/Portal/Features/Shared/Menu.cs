namespace Centrex.Portal.Features.Shared;

/// <summary>
/// The tabs and pages of the portal, in the self-care manual's order (seed 004: Dashboard, My Profile, IP Centrex,
/// Billing Information, Trouble Tickets). A feature's page appears by adding its line here: pages for what the switch
/// does not do yet (call flows, voicemail, queues) are added when their issues land.
/// </summary>
public static class Menu
{
    /// <summary>A tab with its pages.</summary>
    public sealed record Tab(string Title, string Path, IReadOnlyList<Item> Items);

    /// <summary>A page.</summary>
    public sealed record Item(string Title, string Path);

    /// <summary>A customer's tabs.</summary>
    public static IReadOnlyList<Tab> Customer { get; } =
    [
        new("Dashboard", "/customer", []),
        new("My Profile", "/customer/profile", []),
        new("IP Centrex", "/customer/lines",
        [
            new("Phone Lines", "/customer/lines"),
            new("Sites", "/customer/sites"),
            new("Extensions", "/customer/extensions"),
            new("Huntgroups", "/customer/huntgroups"),
            new("DIDs", "/customer/dids"),
            new("Abbreviated Dialing", "/customer/abbreviated-dialing"),
            new("Dialing Rules", "/customer/dialing-rules"),
            new("Incoming Calls", "/customer/incoming-calls"),
            new("Identity", "/customer/identity"),
            new("Music on Hold", "/customer/music-on-hold"),
            new("Call Logs", "/customer/calls"),
        ]),
        new("Billing Information", "/customer/billing",
        [
            new("Billing Summary", "/customer/billing"),
            new("Subscriptions", "/customer/subscriptions"),
            new("Volume Discounts", "/customer/discounts"),
            new("Invoices", "/customer/invoices"),
            new("Transactions", "/customer/transactions"),
            new("Reports", "/customer/reports"),
            new("Make a Payment", "/customer/payments"),
            new("Payment Info", "/customer/payment-info"),
        ]),
        new("Trouble Tickets", "/customer/tickets", []),
    ];

    /// <summary>The operator's tabs.</summary>
    public static IReadOnlyList<Tab> Operator { get; } =
    [
        new("Customers", "/operator", []),
        new("Logins", "/operator/logins", []),
        new("Products", "/operator/products", []),
        new("Sites", "/operator/sites", []),
        new("Tariffs", "/operator/tariffs", []),
        new("Tickets", "/operator/tickets", []),
        new("Billing", "/operator/billing", []),
        new("Payments", "/operator/payments", []),
        new("Ledger", "/operator/ledger", []),
        new("Switch", "/operator/switch", []),
        new("My Profile", "/operator/profile", []),
    ];
}
