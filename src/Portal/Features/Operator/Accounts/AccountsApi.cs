using Centrex.Portal.Api;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Operator.Api;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Operator.Accounts;

/// <summary>
/// <c>/api/v1/operator/accounts</c>: read (<c>customers:read</c>), create, edit, suspend and resume
/// (<c>customers:write</c>) a phone line through <see cref="AccountEditor"/>, the page's own editor.
/// </summary>
internal static class AccountsApi
{
    public static void Map(RouteGroupBuilder operatorGroup)
    {
        operatorGroup.MapGet("/accounts/{id}", (string id, PortalData data) => Read(data, id))
            .Scoped(ApiScope.CustomersRead).WithName("GetAccount").WithSummary("An account's fields, as the provisioning JSON names them");

        operatorGroup.MapPost("/accounts", async (HttpContext context, AccountEditor editor, PortalData data) =>
        {
            var (fields, error) = await ApiFields.Read(context, AccountEditor.Fields);
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
            return Results.Created($"{Security.PortalPaths.Api}/operator/accounts/{Uri.EscapeDataString(id)}", AccountEditor.FieldsOf(data.Provisioning.Current.Account(id)!));
        }).Scoped(ApiScope.CustomersWrite).WithName("CreateAccount").WithSummary("Creates an account (validated like provision import)");

        operatorGroup.MapPut("/accounts/{id}", async (string id, HttpContext context, AccountEditor editor, PortalData data) =>
        {
            if (data.Provisioning.Current.Account(id) is not { } current)
            {
                return ApiRoutes.NotFound("account");
            }

            var (fields, error) = await ApiFields.Read(context, AccountEditor.Fields);
            if (error is not null)
            {
                return error;
            }

            var errors = editor.Save(OperatorApi.Actor(context), ApiFields.Over(AccountEditor.FieldsOf(current), fields!, id), creating: false);
            return errors.Count > 0 ? ApiFields.Refused(errors) : Read(data, id);
        }).Scoped(ApiScope.CustomersWrite).WithName("EditAccount").WithSummary("Changes the fields given (the others stay)");

        operatorGroup.MapPut("/accounts/{id}/status", (string id, Customers.CustomersApi.StatusRequest body, HttpContext context, AccountEditor editor, PortalData data) =>
        {
            if (data.Provisioning.Current.Account(id) is not { } current)
            {
                return ApiRoutes.NotFound("account");
            }

            if (body.Status is not ("active" or "suspended"))
            {
                return ApiFields.Invalid("status: active or suspended", "status");
            }

            var fields = AccountEditor.FieldsOf(current);
            fields["status"] = body.Status;
            var errors = editor.Save(OperatorApi.Actor(context), fields, creating: false);
            return errors.Count > 0 ? ApiFields.Refused(errors) : Read(data, id);
        }).Scoped(ApiScope.CustomersWrite).WithName("SetAccountStatus")
            .WithSummary("Suspends (status suspended: emergency calls only, live in the switch) or resumes (active) a line");
    }

    private static IResult Read(PortalData data, string id) =>
        data.Provisioning.Current.Account(id) is { } a ? Results.Ok(AccountEditor.FieldsOf(a)) : ApiRoutes.NotFound("account");
}
