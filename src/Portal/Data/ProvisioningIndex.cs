using Centrex.Provisioning.Model;

namespace Centrex.Portal.Data;

/// <summary>
/// A provisioning snapshot with the lookups the pages need (by customer, by account), built once per change of the
/// store so a page never loads the whole store (10,000 customers and 100,000 lines take about a second to read).
/// </summary>
public sealed class ProvisioningIndex
{
    private readonly Dictionary<string, Customer> _customers;
    private readonly Dictionary<string, Account> _accounts;
    private readonly ILookup<string, Account> _accountsByCustomer;
    private readonly ILookup<string, Subscription> _subscriptionsByAccount;
    private readonly ILookup<string, Payment> _paymentsByCustomer;
    private readonly Dictionary<string, CustomerView> _views = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    // Built on first use; two requests building them at once build the same answer (the snapshot does not change).
    private Dictionary<string, IReadOnlyList<string>>? _productCurrencies;
    private Dictionary<string, IReadOnlyList<string>>? _planCurrencies;

    public ProvisioningIndex(ProvisioningSnapshot snapshot, long version)
    {
        Snapshot = snapshot;
        Version = version;
        _customers = snapshot.Customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _accounts = snapshot.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _accountsByCustomer = snapshot.Accounts.ToLookup(a => a.CustomerId, StringComparer.Ordinal);
        _subscriptionsByAccount = snapshot.Subscriptions.ToLookup(s => s.AccountId, StringComparer.Ordinal);
        _paymentsByCustomer = snapshot.Payments.ToLookup(p => p.CustomerId, StringComparer.Ordinal);
    }

    /// <summary>Everything provisioned.</summary>
    public ProvisioningSnapshot Snapshot { get; }

    /// <summary>A number that changes with the store (its data version when read).</summary>
    public long Version { get; }

    /// <summary>The customer with <paramref name="id"/>, or null.</summary>
    public Customer? Customer(string id) => _customers.GetValueOrDefault(id);

    /// <summary>The account with <paramref name="id"/>, or null.</summary>
    public Account? Account(string id) => _accounts.GetValueOrDefault(id);

    /// <summary>
    /// The currencies <paramref name="productId"/>'s fees are charged in: those of the customers whose lines subscribe
    /// to it (a product has no currency of its own; each invoice charges its fee in the customer's), in code order.
    /// </summary>
    public IReadOnlyList<string> CurrenciesOfProduct(string productId) =>
        (_productCurrencies ??= Currencies(Snapshot.Subscriptions.Select(s => (s.ProductId, s.AccountId)))).GetValueOrDefault(productId) ?? [];

    /// <summary>The currencies <paramref name="planId"/>'s money thresholds count in: those of the customers whose lines have the plan.</summary>
    public IReadOnlyList<string> CurrenciesOfDiscountPlan(string planId) =>
        (_planCurrencies ??= Currencies(Snapshot.Accounts.SelectMany(a => a.DiscountPlans.Select(d => (d, a.Id))))).GetValueOrDefault(planId) ?? [];

    private Dictionary<string, IReadOnlyList<string>> Currencies(IEnumerable<(string Key, string AccountId)> pairs) =>
        pairs.Where(p => Account(p.AccountId) is not null && Customer(Account(p.AccountId)!.CustomerId) is not null)
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => Customer(Account(p.AccountId)!.CustomerId)!.Currency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], StringComparer.Ordinal);

    /// <summary>The customer's part (built on first use, then kept with this snapshot).</summary>
    public CustomerView ForCustomer(string customerId)
    {
        lock (_gate)
        {
            if (_views.TryGetValue(customerId, out var view))
            {
                return view;
            }

            var customer = Customer(customerId) ?? throw new KeyNotFoundException($"customer {customerId} is not provisioned");
            var accounts = _accountsByCustomer[customerId].ToList();
            view = new CustomerView(customer, accounts, [.. accounts.SelectMany(a => _subscriptionsByAccount[a.Id]).OrderBy(s => s.Id, StringComparer.Ordinal)],
                [.. _paymentsByCustomer[customerId]]);
            _views[customerId] = view;
            return view;
        }
    }
}
