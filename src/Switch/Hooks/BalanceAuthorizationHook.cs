using System.Collections.Concurrent;
using System.Text;
using Centrex.Rating.Money;
using Centrex.Switch.Authorization;
using Centrex.Switch.Calls;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Fraud;
using Centrex.Switch.Provisioning;
using NodaTime;

namespace Centrex.Switch.Hooks;

/// <summary>
/// The B2BUA's <see cref="IBalanceAuthorization"/> over <see cref="ICallAuthorizer"/>: an outgoing call to a priced
/// number is authorized against its account's balance (debit or credit, from the directory) and gets the duration the
/// money covers; internal and incoming calls are not charged and get only the 120-minute cap. The grant is kept until
/// the call's CDR takes it (<see cref="Take"/>), so the sink releases its hold after the charge is committed. An account
/// with fraud controls is checked by <see cref="FraudControl"/> first: a refusal is 403 with the rule in the reason
/// phrase, and an allowed call lasts no longer than the spend caps pay for.
/// </summary>
public sealed class BalanceAuthorizationHook : IBalanceAuthorization
{
    private readonly ISwitchDirectory _directory;
    private readonly ICallAuthorizer _authorizer;
    private readonly ChargingHealth? _charging;
    private readonly FraudControl? _fraud;
    private readonly ConcurrentDictionary<string, CallAuthorization> _grants = new(StringComparer.Ordinal);

    /// <summary>Creates the hook.</summary>
    /// <param name="directory">Where accounts and their types come from.</param>
    /// <param name="authorizer">Prices the call and holds its money.</param>
    /// <param name="charging">Whether the CDR sink can still charge; null when nothing charges.</param>
    /// <param name="fraud">Fraud controls for accounts that have them; null to apply none.</param>
    public BalanceAuthorizationHook(ISwitchDirectory directory, ICallAuthorizer authorizer, ChargingHealth? charging = null, FraudControl? fraud = null)
    {
        _fraud = fraud;
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(authorizer);
        _directory = directory;
        _authorizer = authorizer;
        _charging = charging;
    }

    /// <summary>The fraud controls applied, or null.</summary>
    public FraudControl? Fraud => _fraud;

    /// <summary>Calls holding an authorization now (granted, CDR not yet emitted).</summary>
    public int Outstanding => _grants.Count;

    /// <summary>The money held for <paramref name="account"/>'s calls in progress (granted, CDR not yet emitted).</summary>
    public Mills Held(string account)
    {
        var held = Mills.Zero;
        foreach (var grant in _grants.Values)
        {
            if (grant.Account == account)
            {
                held += grant.Reserved;
            }
        }

        return held;
    }

    /// <inheritdoc/>
    public BalanceDecision Authorize(CallInfo call)
    {
        ArgumentNullException.ThrowIfNull(call);

        // Only calls that leave through a trunk are priced (SwitchCdr.IsChargeable): a caller's outgoing call, and a call
        // forwarded out by the line it reached (charged to, and fraud-limited for, the forwarding line).
        if (call.Direction != Calls.CallDirection.Outgoing && !call.Forwarded)
        {
            return BalanceDecision.Unlimited;
        }

        // A call that could not be charged is not connected: fail closed, as the ingestion API answers 503 (issue 5).
        if (_charging?.Fault is { } fault)
        {
            return new BalanceDecision(false, null, 503, "charging unavailable: " + fault.ReplaceLineEndings(" ")); // a reason phrase is one line (§25.1)
        }

        var provisioned = call.AccountId is { } id ? _directory.FindAccount(id) : null;
        if (provisioned is null)
        {
            return new BalanceDecision(false, null, 403, "no account to charge");
        }

        // The CDR sink rates the same text (SwitchCdr.CalleeForRating), so what is authorized is exactly what is charged.
        var callee = Encoding.UTF8.GetBytes(RatedCallee.Of(call.Normalized, call.Dialed));
        var fraud = _fraud is not null && provisioned.Fraud is { } limits ? _fraud.Check(call, provisioned.Id, limits, callee) : FraudDecision.Unlimited;
        if (!fraud.Allowed)
        {
            return new BalanceDecision(false, null, 403, fraud.Reason) { ByFraud = true };
        }

        // Priced by the tariff in force at the call's start on the switch's clock (a test's manual clock too), not the
        // system's: the CDR stage rates the same start (RateAndChargeHandler), so both pick the same tariff.
        if (!_authorizer.TryAuthorize(AccountOf(provisioned), callee, call.Start.ToUnixTimeSeconds(), out var grant, out var refusal))
        {
            return new BalanceDecision(false, null, refusal.SipStatus, refusal.Reason);
        }

        if (!_grants.TryAdd(call.Id, grant))
        {
            grant.Release(); // asked twice for one call: hold its money once
        }

        var seconds = fraud.MaxSeconds is { } capped ? Math.Min(capped, grant.MaxDurationSeconds) : grant.MaxDurationSeconds;
        return BalanceDecision.For(Duration.FromSeconds(seconds));
    }

    /// <summary>
    /// The call ended after <paramref name="billableSeconds"/> at <paramref name="end"/> (every call, when its CDR is
    /// made): its fraud-control slot and hold are given back and its price counted as spent.
    /// </summary>
    public void Ended(CallInfo call, int billableSeconds, Instant end)
    {
        ArgumentNullException.ThrowIfNull(call);
        _fraud?.Ended(call.Id, billableSeconds, end);
    }

    /// <inheritdoc/>
    public void Withdraw(CallInfo call, Instant now)
    {
        ArgumentNullException.ThrowIfNull(call);
        Take(call)?.Release();
        _fraud?.Ended(call.Id, 0, now); // nothing spent: the slot and the hold come back
    }

    /// <summary>Removes and returns the call's authorization (null for an uncharged call); the caller must release it.</summary>
    public CallAuthorization? Take(CallInfo call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return _grants.TryRemove(call.Id, out var grant) ? grant : null;
    }

    /// <summary>
    /// The authorization view of a provisioned account: a credit account may spend down to its credit limit (none in
    /// the directory: only the cap); a type other than <c>credit</c> is treated as prepaid, which can never overspend.
    /// </summary>
    internal static Authorization.SwitchAccount AccountOf(Provisioning.SwitchAccount account) =>
        new(account.Id,
            string.Equals(account.Type, "credit", StringComparison.OrdinalIgnoreCase) ? AccountType.Credit : AccountType.Debit,
            account.CreditLimit,
            account.SiteId);
}
