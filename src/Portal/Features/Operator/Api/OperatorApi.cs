using Centrex.Portal.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Operator.Api;

/// <summary>
/// <c>/api/v1/operator</c>: the operator's customer list as the Customers page shows it (search by id, company, contact
/// or email; paged), so a script can read it; an operator session only (a customer's session is 403).
/// </summary>
internal static class OperatorApi
{
    public static void Map(RouteGroupBuilder operatorGroup) =>
        operatorGroup.MapGet("/customers", (HttpContext context, PortalData data) =>
        {
            var q = context.Request.Query["q"].ToString().Trim();
            var page = int.TryParse(context.Request.Query["page"], out var p) && p > 0 ? p : 1;
            var size = int.TryParse(context.Request.Query["size"], out var s) && s is > 0 and <= 500 ? s : 100;
            var index = data.Provisioning.Current;
            var matching = index.Snapshot.Customers.Where(c => q.Length == 0
                || c.Id.Contains(q, StringComparison.OrdinalIgnoreCase) || c.Company.Contains(q, StringComparison.OrdinalIgnoreCase)
                || c.Contact.Contains(q, StringComparison.OrdinalIgnoreCase) || c.Email.Contains(q, StringComparison.OrdinalIgnoreCase)).ToList();
            return Results.Ok(new
            {
                total = matching.Count,
                page,
                size,
                rows = matching.Skip((page - 1) * size).Take(size).Select(c =>
                {
                    var view = index.ForCustomer(c.Id);
                    return new
                    {
                        id = c.Id, company = c.Company, contact = c.Contact, email = c.Email, time_zone = c.TimeZone, currency = c.Currency,
                        lines = view.Accounts.Count, balance_mills = CustomerBalance.Of(view, data.Ledger).Balance.Value,
                    };
                }),
            });
        }).WithName("ListCustomers").WithSummary("Every customer (operator): search q, page, size; its lines and balance");
}
