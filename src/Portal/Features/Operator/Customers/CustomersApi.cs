using Centrex.Portal.Data;
using Centrex.Portal.Features.Operator.Api;
using Centrex.Provisioning.Access;
using Centrex.Provisioning.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Operator.Customers;

/// <summary>
/// <c>/api/v1/operator/customers</c>: list and read (<c>customers:read</c>), create, edit, suspend and resume
/// (<c>customers:write</c>) through <see cref="CustomerEditor"/>, the page's own editor, on the routes every operator
/// record has (<see cref="RecordRoutes{TEditor}"/>); a refusal is 400 naming the field.
/// </summary>
internal static class CustomersApi
{
    private static readonly RecordRoutes<CustomerEditor> Routes = new("customer", CustomerEditor.Fields,
        (data, id) => data.Provisioning.Current.Customer(id) is { } c ? CustomerEditor.FieldsOf(c) : null, Body);

    public static void Map(RouteGroupBuilder operatorGroup)
    {
        operatorGroup.MapGet("/customers", async (HttpContext context, PortalData data) =>
        {
            var q = context.Request.Query["q"].ToString().Trim();
            // 1 to 500 rows, 100 when not given (this route's own default since it was added); out of range is 400 naming the key.
            var page = Shared.PageNumbers.Read(context.Request.Query, "page", Shared.PageNumbers.MinPage, Shared.PageNumbers.MaxPage, 1);
            var size = Shared.PageNumbers.Read(context.Request.Query, "size", 1, Shared.PageNumbers.MaxSize, 100);
            var index = data.Provisioning.Current;
            var matching = index.Snapshot.Customers.Where(c => q.Length == 0
                || c.Id.Contains(q, StringComparison.OrdinalIgnoreCase) || c.Company.Contains(q, StringComparison.OrdinalIgnoreCase)
                || c.Contact.Contains(q, StringComparison.OrdinalIgnoreCase) || c.Email.Contains(q, StringComparison.OrdinalIgnoreCase)).ToList();
            var rows = new List<object>();
            foreach (var c in matching.Skip((page - 1) * size).Take(size))
            {
                var view = index.ForCustomer(c.Id);
                var money = await CustomerBalance.OfAsync(view, data.Ledger);
                rows.Add(new
                {
                    id = c.Id, company = c.Company, contact = c.Contact, email = c.Email, time_zone = c.TimeZone, currency = c.Currency,
                    status = WireNames.Name(WireNames.ServiceStatuses, c.Status),
                    lines = view.Accounts.Count, balance_mills = money.Balance.Value,
                });
            }

            return Results.Ok(new { total = matching.Count, page, size, rows });
        }).Scoped(ApiScope.CustomersRead).WithName("ListCustomers").WithSummary("Every customer (operator): search q, page, size; its status, lines and balance");

        operatorGroup.MapGet("/customers/{id}", (string id, PortalData data) => Routes.Read(data, id))
            .Scoped(ApiScope.CustomersRead).WithName("GetCustomer").WithSummary("A customer's fields (as the provisioning JSON names them) and its lines");
        Routes.MapCreate(operatorGroup).Scoped(ApiScope.CustomersWrite).WithName("CreateCustomer")
            .WithSummary("Creates a customer (fields as the provisioning JSON names them; validated like provision import)");
        Routes.MapEdit(operatorGroup).Scoped(ApiScope.CustomersWrite).WithName("EditCustomer").WithSummary("Changes the fields given (the others stay); status suspended suspends it");
        Routes.MapStatus(operatorGroup).Scoped(ApiScope.CustomersWrite).WithName("SetCustomerStatus")
            .WithSummary("Suspends (status suspended: its lines make and receive emergency calls only, its logins are refused) or resumes (active) a customer");
    }

    private static object Body(PortalData data, string id)
    {
        var index = data.Provisioning.Current;
        var body = CustomerEditor.FieldsOf(index.Customer(id)!).ToDictionary(e => e.Key, e => (object?)e.Value, StringComparer.Ordinal);
        body["lines"] = index.ForCustomer(id).Accounts.Select(a => new { id = a.Id, status = WireNames.Name(WireNames.ServiceStatuses, a.Status) }).ToList();
        return body;
    }
}
