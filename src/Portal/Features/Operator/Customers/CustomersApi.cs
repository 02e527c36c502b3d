using Centrex.Portal.Api;
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
/// (<c>customers:write</c>) through <see cref="CustomerEditor"/>, the page's own editor; a refusal is 400 naming the field.
/// </summary>
internal static class CustomersApi
{
    /// <summary>A status change.</summary>
    public sealed record StatusRequest(string? Status);

    public static void Map(RouteGroupBuilder operatorGroup)
    {
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
                        status = WireNames.Name(WireNames.ServiceStatuses, c.Status),
                        lines = view.Accounts.Count, balance_mills = CustomerBalance.Of(view, data.Ledger).Balance.Value,
                    };
                }),
            });
        }).Scoped(ApiScope.CustomersRead).WithName("ListCustomers").WithSummary("Every customer (operator): search q, page, size; its status, lines and balance");

        operatorGroup.MapGet("/customers/{id}", (string id, PortalData data) => Read(data, id))
            .Scoped(ApiScope.CustomersRead).WithName("GetCustomer").WithSummary("A customer's fields (as the provisioning JSON names them) and its lines");

        operatorGroup.MapPost("/customers", async (HttpContext context, CustomerEditor editor, PortalData data) =>
        {
            var (fields, error) = await ApiFields.Read(context, CustomerEditor.Fields);
            if (error is not null)
            {
                return error;
            }

            var errors = editor.Save(OperatorApi.Actor(context), fields!, creating: true);
            if (errors.Count > 0)
            {
                return ApiFields.Refused(errors);
            }

            var id = fields!["id"]!.Trim();
            return Results.Created($"{Security.PortalPaths.Api}/operator/customers/{Uri.EscapeDataString(id)}", Body(data, id));
        }).Scoped(ApiScope.CustomersWrite).WithName("CreateCustomer").WithSummary("Creates a customer (fields as the provisioning JSON names them; validated like provision import)");

        operatorGroup.MapPut("/customers/{id}", async (string id, HttpContext context, CustomerEditor editor, PortalData data) =>
        {
            if (data.Provisioning.Current.Customer(id) is not { } current)
            {
                return ApiRoutes.NotFound("customer");
            }

            var (fields, error) = await ApiFields.Read(context, CustomerEditor.Fields);
            if (error is not null)
            {
                return error;
            }

            var errors = editor.Save(OperatorApi.Actor(context), ApiFields.Over(CustomerEditor.FieldsOf(current), fields!, id), creating: false);
            return errors.Count > 0 ? ApiFields.Refused(errors) : Read(data, id);
        }).Scoped(ApiScope.CustomersWrite).WithName("EditCustomer").WithSummary("Changes the fields given (the others stay); status suspended suspends it");

        operatorGroup.MapPut("/customers/{id}/status", (string id, StatusRequest body, HttpContext context, CustomerEditor editor, PortalData data) =>
        {
            if (data.Provisioning.Current.Customer(id) is not { } current)
            {
                return ApiRoutes.NotFound("customer");
            }

            if (body.Status is not ("active" or "suspended"))
            {
                return ApiFields.Invalid("status: active or suspended", "status");
            }

            var fields = CustomerEditor.FieldsOf(current);
            fields["status"] = body.Status;
            var errors = editor.Save(OperatorApi.Actor(context), fields, creating: false);
            return errors.Count > 0 ? ApiFields.Refused(errors) : Read(data, id);
        }).Scoped(ApiScope.CustomersWrite).WithName("SetCustomerStatus")
            .WithSummary("Suspends (status suspended: its lines make and receive emergency calls only, its logins are refused) or resumes (active) a customer");
    }

    private static IResult Read(PortalData data, string id) =>
        data.Provisioning.Current.Customer(id) is null ? ApiRoutes.NotFound("customer") : Results.Ok(Body(data, id));

    private static Dictionary<string, object?> Body(PortalData data, string id)
    {
        var index = data.Provisioning.Current;
        var body = CustomerEditor.FieldsOf(index.Customer(id)!).ToDictionary(e => e.Key, e => (object?)e.Value, StringComparer.Ordinal);
        body["lines"] = index.ForCustomer(id).Accounts.Select(a => new { id = a.Id, status = WireNames.Name(WireNames.ServiceStatuses, a.Status) }).ToList();
        return body;
    }
}
