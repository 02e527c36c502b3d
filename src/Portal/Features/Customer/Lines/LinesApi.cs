using System.Text.Json;
using Centrex.Portal.Api;
using Centrex.Provisioning;
using Centrex.Provisioning.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.Lines;

/// <summary>
/// <c>/api/v1/me/lines</c>: the customer's lines; a line's forwarding as the provisioning JSON's <c>forwarding</c> object
/// (GET, PUT: validated like <c>provision import</c>, 400 naming the field); its SIP password (PUT). Another customer's
/// line is 404.
/// </summary>
internal static class LinesApi
{
    /// <summary>A new SIP password.</summary>
    public sealed record PasswordRequest(string? Password);

    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/lines", async (LineQueries lines) => Results.Ok((await lines.AllAsync()).Select(l => new
        {
            id = l.Account.Id, extension = l.Account.Extension, extension_name = l.Account.ExtensionName,
            type = WireNames.Name(WireNames.AccountTypes, l.Account.Type), product = l.Product, site = l.Site, idle_days = l.IdleDays,
            available_funds_mills = l.AvailableFunds.Value, forwarding = l.Account.Forwarding.IsOn, registered = l.Registered,
            dids = l.Account.Dids.Select(d => "+" + d),
        }))).WithName("ListLines").WithSummary("The customer's phone lines with their status");

        me.MapGet("/lines/{id}/forwarding", (string id, Security.CustomerScope scope) =>
            scope.Line(id) is { } line
                ? Results.Text(ProvisioningJsonWriter.ForwardingJson(line.Forwarding), "application/json")
                : ApiRoutes.NotFound("line"))
            .WithName("GetForwarding").WithSummary("The line's forwarding, as provisioning's forwarding object");

        me.MapPut("/lines/{id}/forwarding", async (string id, HttpContext context, LineChanges changes, Security.CustomerScope scope) =>
        {
            if (scope.Line(id) is null)
            {
                return ApiRoutes.NotFound("line");
            }

            using var reader = new StreamReader(context.Request.Body);
            var json = await reader.ReadToEndAsync(context.RequestAborted);
            Provisioning.Model.Forwarding forwarding;
            try
            {
                forwarding = ProvisioningJsonReader.ParseForwarding(json, "request body");
            }
            catch (Exception e) when (e is ProvisioningException or JsonException)
            {
                return Results.Json(new Security.ApiError("invalid", e.Message, Data.ProvisioningChanges.FieldOf(e.Message)), statusCode: StatusCodes.Status400BadRequest);
            }

            return Answer(changes.SetForwarding(id, forwarding));
        }).WithName("SetForwarding").WithSummary("Replaces the line's forwarding (validated like provision import)");

        me.MapPut("/lines/{id}/sip-password", (string id, PasswordRequest body, LineChanges changes) => Answer(changes.SetSipPassword(id, body.Password)))
            .WithName("SetSipPassword").WithSummary("Sets the line's SIP password (only its digest hashes are stored)");
    }

    private static IResult Answer(Data.ProvisioningChanges.Result result) =>
        result == LineChanges.NotFound ? ApiRoutes.NotFound("line")
        : result.Done ? Results.NoContent()
        : Results.Json(new Security.ApiError("invalid", result.Message!, result.Field, result.Kind), statusCode: StatusCodes.Status400BadRequest);
}
