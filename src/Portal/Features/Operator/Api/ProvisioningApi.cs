using System.Text.Json;
using Centrex.Portal.Data;
using Centrex.Provisioning;
using Centrex.Provisioning.Access;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Operator.Api;

/// <summary>
/// <c>/api/v1/operator/provisioning</c>: <c>provision export</c> and <c>provision import</c> over HTTP, so everything the
/// operator's pages provision beyond the routes of their own (products, sites, discount plans, trunks) is scriptable
/// with the file format and the checks an operator already knows: the body is a provisioning JSON document, merged by
/// id through <see cref="ProvisioningChanges"/> (refused whole, 400 naming record and field), live in the switch.
/// </summary>
internal static class ProvisioningApi
{
    public static void Map(RouteGroupBuilder operatorGroup)
    {
        operatorGroup.MapGet("/provisioning", (PortalData data) =>
        {
            // The writer is synchronous and Kestrel allows no synchronous writes to a response: it is written to memory first.
            using var buffer = new MemoryStream();
            ProvisioningJsonWriter.Write(data.Provisioning.Current.Snapshot, buffer);
            return Results.Bytes(buffer.ToArray(), "application/json");
        }).Scoped(ApiScope.ProvisioningRead).WithName("ExportProvisioning").WithSummary("Everything provisioned, as provision export writes it (SIP credentials as digest hashes only)");

        operatorGroup.MapPost("/provisioning", async (HttpContext context, ProvisioningChanges changes) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            ProvisioningSnapshot incoming;
            try
            {
                incoming = ProvisioningJsonReader.Parse(body.ToArray(), "request body");
            }
            catch (Exception e) when (e is ProvisioningException or JsonException)
            {
                return ApiFields.Invalid(e.Message, ProvisioningChanges.FieldOf(e.Message));
            }

            var result = changes.Apply(OperatorApi.Actor(context), _ => incoming);
            return result.Done
                ? Results.Ok(new
                {
                    customers = incoming.Customers.Count, accounts = incoming.Accounts.Count, products = incoming.Products.Count, subscriptions = incoming.Subscriptions.Count,
                    discount_plans = incoming.DiscountPlans.Count, sites = incoming.Sites.Count, trunks = incoming.Trunks.Count, payments = incoming.Payments.Count,
                })
                : ApiFields.Invalid(result.Message!, result.Field, result.Kind);
        }).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Security.BodyLimits.ProvisioningBytes)).Scoped(ApiScope.ProvisioningWrite).WithName("ImportProvisioning")
            .WithSummary("Merges a provisioning JSON document by id, as provision import does (all or nothing; the counts of records given)");
    }
}
