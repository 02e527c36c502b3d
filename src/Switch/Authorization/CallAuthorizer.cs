using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Centrex.Rating;
using Centrex.Rating.Money;

namespace Centrex.Switch.Authorization;

/// <summary>
/// Balance authorization over the rating engine's tariff and a balance source (the ledger).
/// </summary>
/// <remarks>
/// Concurrent calls of one account: each authorization holds the price of its whole allowed duration, and the next one
/// sees the balance less every hold (under the account's lock), so two simultaneous calls never spend the same money.
/// The consequence is deliberate: a prepaid account whose balance covers less than 120 minutes gives all of it to its
/// first call, and a second simultaneous call is refused until the first ends and its charge is committed. A hold is
/// released only after the call's charge reached the ledger, so between the commit and the release the same money
/// counts twice: a moment of caution, never of overspending.
/// </remarks>
public sealed class CallAuthorizer(Rater rater, IBalanceSource balances) : ICallAuthorizer
{
    /// <summary>
    /// Now, in Unix seconds, for callers that have no clock of their own (<see cref="TryAuthorize(SwitchAccount, ReadOnlySpan{byte}, out CallAuthorization?, out AuthorizationRefusal)"/>):
    /// the system clock unless a test gives its own. The switch passes its call's start instead (its clock may be a manual one).
    /// </summary>
    public Func<long> Now { get; init; } = static () => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private readonly ConcurrentDictionary<string, AccountHolds> _holds = new(StringComparer.Ordinal);

    /// <summary>The money an account's calls in progress hold now.</summary>
    public Mills Held(string account) => _holds.TryGetValue(account, out var holds) ? holds.Held : Mills.Zero;

    /// <summary>Authorizes a call set up now (<see cref="Now"/>).</summary>
    public bool TryAuthorize(SwitchAccount account, ReadOnlySpan<byte> dialedCallee, [NotNullWhen(true)] out CallAuthorization? authorization, out AuthorizationRefusal refusal) =>
        TryAuthorize(account, dialedCallee, Now(), out authorization, out refusal);

    /// <inheritdoc />
    public bool TryAuthorize(SwitchAccount account, ReadOnlySpan<byte> dialedCallee, long startUnixSeconds, [NotNullWhen(true)] out CallAuthorization? authorization, out AuthorizationRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(account);
        authorization = null;
        var inForce = rater.At(startUnixSeconds); // the tariff in force at the call's setup: its rows are the ones the call names
        var outcome = inForce.Rate(dialedCallee, 0, out var call);
        if (outcome != RatingOutcome.Rated)
        {
            refusal = outcome == RatingOutcome.NoRate
                ? new AuthorizationRefusal(AuthorizationFailure.NoRate, $"no rate for {call.Callee}")
                : new AuthorizationRefusal(AuthorizationFailure.BadNumber, $"'{Printable(System.Text.Encoding.UTF8.GetString(dialedCallee))}' is not a dialable number");
            return false;
        }

        var row = inForce.Tariff.Rows[call.TariffRow];
        var (rate, connectFee) = (row.RatePerMinute, row.ConnectFee);
        if (inForce.AccountRules is { } rules && Repriced(rules, account.Id, ref call, out var ruleRate))
        {
            // The account's local calling area or toll-free inbound rate prices it, as the CDR stage will charge it
            // (issue 17): a free local call is never refused for an empty prepaid balance.
            (rate, connectFee) = (ruleRate, default);
        }

        var cap = AffordableDuration.MaxCallSeconds;
        if (account.Type == AccountType.Credit && account.CreditLimit is null)
        {
            // Unlimited credit: nothing to hold, only the 120-minute cap applies.
            authorization = CallAuthorization.Unmetered(account.Id);
            refusal = default;
            return true;
        }

        var holds = _holds.GetOrAdd(account.Id, static _ => new AccountHolds());
        lock (holds.Gate)
        {
            var credit = account.Type == AccountType.Credit ? account.CreditLimit!.Value : Mills.Zero;
            var available = balances.Balance(account.Id) + credit - holds.Held;
            var seconds = AffordableDuration.MaxSeconds(rate, connectFee, row.FirstIncrement, row.NextIncrement, available, cap);
            if (seconds < 0)
            {
                var first = AffordableDuration.Charge(rate, connectFee, row.FirstIncrement, row.NextIncrement, 1);
                refusal = new AuthorizationRefusal(AuthorizationFailure.InsufficientFunds, string.Create(CultureInfo.InvariantCulture,
                    $"insufficient funds: {available} available, the first {row.FirstIncrement} s to {row.Prefix} {Printable(row.Destination)} cost {first}"));
                return false;
            }

            var reserved = AffordableDuration.Charge(rate, connectFee, row.FirstIncrement, row.NextIncrement, seconds);
            holds.Hold(reserved);
            authorization = new CallAuthorization(account.Id, seconds, reserved, holds);
            refusal = default;
            return true;
        }
    }

    private static bool Repriced(Rating.Charging.AccountRules rules, string account, ref RatedCall call, out MicroDollars ratePerMinute)
    {
        Span<byte> id = stackalloc byte[256];
        if (!System.Text.Encoding.UTF8.TryGetBytes(account, id, out var length))
        {
            ratePerMinute = default;
            return false; // longer than any account the rules know
        }

        return rules.TryReclassify(id[..length], ref call, out ratePerMinute);
    }

    // A reason phrase must stay on one line (RFC 3261 §25.1: no CR or LF in Reason-Phrase).
    private static string Printable(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
}
