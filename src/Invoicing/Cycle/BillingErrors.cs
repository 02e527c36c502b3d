namespace Centrex.Invoicing.Cycle;

/// <summary>
/// The stable codes of <see cref="BillingException.Code"/>: what kind of refusal a billing run or a reissue is, whatever
/// language it is shown in (seed 004's portal is used in French: the operator's billing page words it from its code,
/// while <c>centrex bill</c> and <c>centrex invoice reissue</c> keep the English message). A code never changes meaning
/// once published; a new kind of refusal gets a new code. Each summary is the English message, its placeholders the
/// exception's arguments in order.
/// </summary>
public static class BillingErrors
{
    /// <summary><c>{0} comes before {1}, the last period billed; issued periods are closed</c></summary>
    public const string PeriodClosed = "billing-period-closed";

    /// <summary><c>{0} was the last period billed: bill {1} first</c></summary>
    public const string PeriodSkipped = "billing-period-skipped";

    /// <summary><c>{0} exists but {1} has not been billed: move it away first (billing never overwrites invoice files)</c></summary>
    public const string FolderExists = "billing-folder-exists";

    /// <summary><c>{0} is not over yet for customer {1}: it ends {2} ({3})</c></summary>
    public const string PeriodOpen = "billing-period-open";

    /// <summary><c>invoice {0} does not exist</c></summary>
    public const string InvoiceMissing = "invoice-missing";

    /// <summary><c>invoice {0} is void already</c></summary>
    public const string InvoiceVoid = "invoice-void-already";

    /// <summary><c>invoice {0} is not customer {1}'s latest invoice ({2}); reissue from the latest back</c></summary>
    public const string InvoiceNotLatest = "invoice-not-latest";
}
