using Centrex.Portal.Data;
using Centrex.Portal.Features.Operator.Api;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Operator.Accounts;

/// <summary>
/// <c>/api/v1/operator/accounts</c>: read (<c>customers:read</c>), create, edit, suspend and resume
/// (<c>customers:write</c>) a phone line through <see cref="AccountEditor"/>, the page's own editor, on the routes every
/// operator record has (<see cref="RecordRoutes{TEditor}"/>).
/// </summary>
internal static class AccountsApi
{
    private static readonly RecordRoutes<AccountEditor> Routes = new("account", AccountEditor.Fields,
        (data, id) => data.Provisioning.Current.Account(id) is { } a ? AccountEditor.FieldsOf(a, data.Provisioning.Current) : null,
        (data, id) => AccountEditor.FieldsOf(data.Provisioning.Current.Account(id)!, data.Provisioning.Current));

    public static void Map(RouteGroupBuilder operatorGroup)
    {
        operatorGroup.MapGet("/accounts/{id}", (string id, PortalData data) => Routes.Read(data, id))
            .Scoped(ApiScope.CustomersRead).WithName("GetAccount").WithSummary("An account's fields, as the provisioning JSON names them");
        Routes.MapCreate(operatorGroup).Scoped(ApiScope.CustomersWrite).WithName("CreateAccount").WithSummary("Creates an account (validated like provision import)");
        Routes.MapEdit(operatorGroup).Scoped(ApiScope.CustomersWrite).WithName("EditAccount").WithSummary("Changes the fields given (the others stay)");
        Routes.MapStatus(operatorGroup).Scoped(ApiScope.CustomersWrite).WithName("SetAccountStatus")
            .WithSummary("Suspends (status suspended: emergency calls only, live in the switch) or resumes (active) a line");
    }
}
