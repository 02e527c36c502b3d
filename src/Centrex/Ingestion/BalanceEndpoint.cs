using System.Globalization;
using Centrex.Ledger;
using Centrex.Ledger.State;
using Microsoft.AspNetCore.Http;

namespace Centrex.Ingestion;

/// <summary>
/// <c>GET /v1/accounts/{account}/balance[?period=YYYY-MM]</c>: the self-care view of an account's committed balance
/// (mills, charges lower it) and, for a period, its counters.
/// </summary>
internal sealed class BalanceEndpoint(LedgerStore ledger)
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
        return IngestionEndpoint.Respond(context, StatusCodes.Status200OK, json =>
        {
            json.WriteStartObject();
            json.WriteString("account", account);
            // Issue 17, rule 7: "balance" is what a customer sees, whole cents (half up); the exact balance, to the tenth of
            // a cent, is beside it as text and as mills.
            json.WriteString("balance", Invoicing.MoneyRounding.HalfUpToCent(balance).ToString()[..^1]);
            json.WriteString("balance_exact", balance.ToString());
            json.WriteNumber("balance_mills", balance.Value);
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
