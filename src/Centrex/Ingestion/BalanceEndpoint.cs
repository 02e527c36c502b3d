using System.Globalization;
using Centrex.Ledger;
using Centrex.Ledger.State;
using Microsoft.AspNetCore.Http;

namespace Centrex.Ingestion;

/// <summary>
/// <c>GET /api/v1/accounts/{account}/balance[?period=YYYY-MM]</c> and, deprecated, the same answer at
/// <c>/v1/accounts/{account}/balance</c>: the self-care view of an account's committed balance (mills, charges lower it)
/// and, for a period, its counters. <paramref name="currencyOf"/> gives the currency of an account's customer (null when
/// the account is not provisioned).
/// </summary>
internal sealed class BalanceEndpoint(LedgerStore ledger, Func<string, string?> currencyOf)
{
    public const string Route = "/v1/accounts/{account}/balance";

    public Task Handle(HttpContext context, string account)
    {
        var period = context.Request.Query["period"].ToString();
        var month = 0;
        if (period.Length > 0 && !(period.Length == 7 && period[4] == '-'
            && int.TryParse(string.Concat(period.AsSpan(0, 4), period.AsSpan(5, 2)), NumberStyles.None, CultureInfo.InvariantCulture, out month)
            && month % 100 is >= 1 and <= 12))
        {
            return IngestionEndpoint.Respond(context, StatusCodes.Status400BadRequest, json => BatchResponse.WriteError(json, "bad-period", "period is YYYY-MM", field: "period"));
        }

        if (System.Text.Encoding.UTF8.GetByteCount(account) > StateKey.MaxAccountLength)
        {
            return IngestionEndpoint.Respond(context, StatusCodes.Status400BadRequest, json => BatchResponse.WriteError(json, "bad-account", $"account ids are at most {StateKey.MaxAccountLength} bytes", field: "account"));
        }

        var balance = ledger.Balance(account);
        var currency = currencyOf(account);
        return IngestionEndpoint.Respond(context, StatusCodes.Status200OK, json =>
        {
            json.WriteStartObject();
            json.WriteString("account", account);
            // Issue 17, rule 7: "balance" is what a customer sees, in its currency's minor unit (ISO 4217), half up, as
            // centrex balance and the pages show it: -0.12 CAD, -126 JPY (it was -126.12: yen have no cents), -1.234 KWD
            // (the fils is the mill). An account not provisioned has no currency: whole cents, as the seed shows
            // balances. The exact balance, to the mill, is beside it as text and as mills, unchanged.
            json.WriteString("balance", Invoicing.Rendering.Amounts.Input(Invoicing.MoneyRounding.HalfUpToMinorUnit(balance, currency ?? string.Empty), currency ?? string.Empty));
            json.WriteString("balance_exact", balance.ToString());
            json.WriteNumber("balance_mills", balance.Value);
            if (currency is null)
            {
                json.WriteNull("currency");
            }
            else
            {
                json.WriteString("currency", currency);
            }

            if (month > 0)
            {
                json.WriteString("period", period);
                json.WriteStartObject("counters");
                foreach (var counter in Enum.GetValues<CounterKind>())
                {
                    json.WriteNumber(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(counter.ToString()), ledger.Counter(account, counter, month));
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        });
    }
}
