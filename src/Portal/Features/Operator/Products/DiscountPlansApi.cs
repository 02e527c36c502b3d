using Centrex.Portal.Features.Operator.Api;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Operator.Products;

/// <summary>
/// <c>/api/v1/operator/discount-plans</c>: the volume discount plans in the form's fields (<see cref="DiscountPlanEditor.Fields"/>),
/// and <c>PUT .../{id}</c> to create or replace one, checked as <c>provision import</c> checks it (400 naming the field).
/// </summary>
internal static class DiscountPlansApi
{
    public static void Map(RouteGroupBuilder operatorGroup)
    {
        operatorGroup.MapGet("/discount-plans", (DiscountPlanEditor editor) => Results.Ok(editor.All.Select(d => editor.Current(d.Id))))
            .Scoped(ApiScope.ProvisioningRead).WithName("ListDiscountPlans").WithSummary("The volume discount plans, in the fields PUT takes");

        operatorGroup.MapPut("/discount-plans/{id}", async (string id, HttpContext context, DiscountPlanEditor editor) =>
        {
            var (fields, error) = await ApiFields.Read(context, DiscountPlanEditor.Fields);
            if (error is not null)
            {
                return error;
            }

            fields!["id"] = id;
            var errors = editor.Save(fields, OperatorApi.Actor(context));
            return errors.Count == 0 ? Results.Ok(editor.Current(id)) : ApiFields.Refused(errors);
        }).Scoped(ApiScope.ProvisioningWrite).WithName("PutDiscountPlan")
            .WithSummary("Creates or replaces a volume discount plan: name, group_name, prefixes, classes, basis (minutes|money), thresholds (one 'FROM PERCENT' a line), precedence, combinable");
    }
}
