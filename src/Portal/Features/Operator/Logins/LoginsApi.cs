using Centrex.Portal.Api;
using Centrex.Portal.Features.Operator.Api;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Operator.Logins;

/// <summary>
/// <c>/api/v1/operator/logins</c>: the Logins page as an API, through the same <see cref="LoginDesk"/>. List
/// (<c>logins:read</c>: login, role, customer, lockout, disabled; never a password or its hash); create, reset, unlock,
/// disable, enable (<c>logins:write</c>). A password given in the body is hashed and never echoed; without one the
/// desk makes one up and the answer carries it this once (as the page shows it and <c>centrex user add</c> prints it).
/// </summary>
internal static class LoginsApi
{
    /// <summary>A new login: <c>role</c> customer (with <c>customer</c>) or operator; <c>password</c> optional.</summary>
    public sealed record NewLogin(string? Login, string? Role, string? Customer, string? Password);

    /// <summary>A password reset: the new password, or none to have one made up.</summary>
    public sealed record NewPassword(string? Password);

    /// <summary>The signed-in operator's own password change: the current one and the new one.</summary>
    public sealed record OwnPasswordChange(string? Current, string? New);

    public static void Map(RouteGroupBuilder operatorGroup)
    {
        // The operator's own web password (My Profile's password section): a login's, so an operator session only (a key has none).
        operatorGroup.MapPut("/password", (OwnPasswordChange body, HttpContext context, UserStore users, NodaTime.IClock clock) =>
        {
            var login = users.Get(long.Parse(context.User.FindFirst(Security.PortalClaims.UserId)!.Value, System.Globalization.CultureInfo.InvariantCulture))!;
            return Sessions.OwnPassword.Change(context, users, clock, login, body.Current, body.New) is { Count: > 0 } errors ? ApiFields.Refused(errors) : Results.NoContent();
        }).RequireAuthorization(Security.PortalPolicies.Operator).WithName("ChangeOwnPassword")
            .WithSummary("The signed-in operator changes its own web password (current, new); every other session ends, this one gets a new cookie (operator session only)");

        operatorGroup.MapGet("/logins", (string? customer, LoginDesk desk, Data.PortalData data) =>
        {
            var now = data.Clock.GetCurrentInstant();
            return Results.Ok(desk.List(string.IsNullOrWhiteSpace(customer) ? null : customer.Trim()).Select(u => Json(u, now)));
        }).Scoped(ApiScope.LoginsRead).WithName("ListLogins").WithSummary("The portal's logins (operator): role, customer, lockout, disabled; never a password");

        operatorGroup.MapPost("/logins", (NewLogin body, LoginDesk desk, Data.PortalData data) =>
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            if (desk.Create(body.Login, body.Role, body.Customer, body.Password, errors) is not { } made)
            {
                return ApiFields.Refused(errors);
            }

            return Results.Created($"/api/v1/operator/logins/{Uri.EscapeDataString(made.User.Login)}", new { login = Json(made.User, data.Clock.GetCurrentInstant()), password = made.MadeUp });
        }).Scoped(ApiScope.LoginsWrite).WithName("CreateLogin")
            .WithSummary("Creates a customer or operator login; the password is made up and answered once when the body gives none");

        operatorGroup.MapPost("/logins/{login}/password", (string login, NewPassword? body, LoginDesk desk) =>
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            return desk.Reset(login, body?.Password, errors) switch
            {
                null => ApiRoutes.NotFound("login"),
                _ when errors.Count > 0 => ApiFields.Refused(errors),
                { MadeUp: { } password } => Results.Ok(new { password }),
                _ => Results.NoContent(),
            };
        }).Scoped(ApiScope.LoginsWrite).WithName("ResetLoginPassword")
            .WithSummary("Sets a new password (made up and answered once when the body gives none), ends the login's sessions and lifts its lockout");

        operatorGroup.MapPost("/logins/{login}/unlock", (string login, LoginDesk desk) => desk.Unlock(login) ? Results.NoContent() : ApiRoutes.NotFound("login"))
            .Scoped(ApiScope.LoginsWrite).WithName("UnlockLogin").WithSummary("Lifts a lockout after wrong passwords; the password stays");

        operatorGroup.MapPost("/logins/{login}/disable", (string login, LoginDesk desk) => desk.SetDisabled(login, disabled: true) ? Results.NoContent() : ApiRoutes.NotFound("login"))
            .Scoped(ApiScope.LoginsWrite).WithName("DisableLogin").WithSummary("Disables a login: its logins are refused and its sessions end");

        operatorGroup.MapPost("/logins/{login}/enable", (string login, LoginDesk desk) => desk.SetDisabled(login, disabled: false) ? Results.NoContent() : ApiRoutes.NotFound("login"))
            .Scoped(ApiScope.LoginsWrite).WithName("EnableLogin").WithSummary("Enables a disabled login again, with its password as it was");
    }

    private static object Json(PortalUser u, NodaTime.Instant now) => new
    {
        login = u.Login, role = UserStore.RoleName(u.Role), customer = u.CustomerId,
        locked_until = u.IsLocked(now) ? u.LockedUntil?.ToString() : null, disabled = u.Disabled,
    };
}
