using Centrex.Invoicing.Payments;
using Centrex.Rating.Money;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Invoicing.Store;

/// <summary>Card payments asked of the gateway (<c>payment_attempts</c>).</summary>
public sealed partial class BillingStore
{
    /// <summary>Every attempt, oldest first.</summary>
    public IReadOnlyList<PaymentAttempt> PaymentAttempts() => Query(
        "SELECT key, customer_id, account_id, purpose, amount_mills, status, decline, reference, at FROM payment_attempts ORDER BY rowid",
        r => new PaymentAttempt(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), new Mills(r.GetInt64(4)), r.GetString(5),
            r.IsDBNull(6) ? null : DeclineReasons.Parse(r.GetString(6)), r.IsDBNull(7) ? null : r.GetString(7), InstantPattern.General.Parse(r.GetString(8)).Value));

    /// <summary>Records an attempt about to be made (status <c>pending</c>); false when the key is recorded already.</summary>
    public bool StartPaymentAttempt(string key, string customerId, string? accountId, string purpose, Mills amount, Instant at)
    {
        using var transaction = _connection.BeginTransaction();
        using var command = Command(transaction, "INSERT INTO payment_attempts VALUES ($k, $c, $a, $p, $m, 'pending', NULL, NULL, $at) ON CONFLICT(key) DO NOTHING",
            ("$k", key), ("$c", customerId), ("$a", accountId), ("$p", purpose), ("$m", amount.Value), ("$at", InstantPattern.General.Format(at)));
        var added = command.ExecuteNonQuery() == 1;
        transaction.Commit();
        return added;
    }

    /// <summary>Records the gateway's answer to an attempt.</summary>
    public void FinishPaymentAttempt(string key, PaymentResult result, Instant at)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var transaction = _connection.BeginTransaction();
        Execute(transaction, "UPDATE payment_attempts SET status = $s, decline = $d, reference = $r, at = $at WHERE key = $k",
            ("$s", result.Approved ? "approved" : "declined"), ("$d", result.Decline?.ToWireName()), ("$r", result.Reference), ("$at", InstantPattern.General.Format(at)), ("$k", key));
        transaction.Commit();
    }
}
