using Centrex.Invoicing.Rendering;
using Centrex.Ledger;
using Centrex.Provisioning.Access;
using NodaTime;

namespace Centrex.Portal.Data;

/// <summary>The data the portal serves, opened once by <c>serve</c>: the same stores and ledger the commands use.</summary>
public sealed class PortalData : IDisposable
{
    public PortalData(string dataDirectory, LedgerStore ledger, IClock clock)
    {
        DataDirectory = Path.GetFullPath(dataDirectory); // every file path below is built from it: absolute, whatever the caller gave (review 16, item 3)
        Ledger = ledger;
        Clock = clock;
        Users = UserStore.Open(dataDirectory);
        Provisioning = new ProvisioningCache(dataDirectory);
        Billing = new BillingReader(dataDirectory);
        Tariffs = new TariffStore(dataDirectory) { Clock = clock };
        Calls = new CallLog.CallLogStore(dataDirectory);
        CallIndexer = new CallLog.CallLogIndexer(Calls, ledger, Provisioning, Centrex.Switch.Cdrs.CdrStore.FolderOf(dataDirectory));
    }

    /// <summary>The calls as the pages browse them.</summary>
    public CallLog.CallLogStore Calls { get; }

    /// <summary>Keeps <see cref="Calls"/> up with the journal and the switch's CDR store.</summary>
    public CallLog.CallLogIndexer CallIndexer { get; }

    /// <summary>The data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>The durable ledger (balances, counters, rated calls); owned by <c>serve</c>.</summary>
    public LedgerStore Ledger { get; }

    /// <summary>The clock.</summary>
    public IClock Clock { get; }

    /// <summary>Logins and sessions.</summary>
    public UserStore Users { get; }

    /// <summary>Provisioning, as of its last change.</summary>
    public ProvisioningCache Provisioning { get; }

    /// <summary>The operator's scheduled tariffs, which <c>serve</c> rates with.</summary>
    public TariffStore Tariffs { get; }

    /// <summary>Invoices, statuses, the billing ledger.</summary>
    public BillingReader Billing { get; }

    /// <summary>The ledger's single writer thread: work that must see no concurrent write (verification) runs on it.</summary>
    public LedgerWriterThread? Writer { get; init; }

    /// <summary>The volume discount counters rating keeps, or null when <c>serve</c> does not rate (no tariff).</summary>
    public IDiscountUsage? Discounts { get; init; }

    /// <summary>The running switch, or null when <c>serve</c> runs none (set once it has started).</summary>
    public ISwitchState? Switch { get; set; }

    /// <summary>
    /// Called after the portal commits a provisioning change, or null: <c>serve</c> has its switch read the store now
    /// (instead of at its next 250 ms tick) and the task ends once it did, so the page answers after the switch has the
    /// change (issue 16: "takes effect in the running switch within a second").
    /// </summary>
    public Func<Task>? SwitchReload { get; set; }

    /// <summary>The provider named on reports.</summary>
    public ProviderInfo Provider { get; } = ProviderInfo.Default;

    /// <inheritdoc />
    public void Dispose()
    {
        CallIndexer.Dispose();
        Billing.Dispose();
        Provisioning.Dispose();
        Users.Dispose();
    }
}
