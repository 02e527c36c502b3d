using Centrex.Portal.Api;
using Centrex.Portal.Security;
using Centrex.Provisioning.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.DialPlan;

/// <summary>
/// <c>/api/v1/me/dial-plan</c>: the customer's dialing rules and abbreviated dialing (GET); the rules (PUT), one
/// abbreviated number (PUT, DELETE), each validated like <c>provision import</c> (400 with its message).
/// </summary>
internal static class DialPlanApi
{
    /// <summary>New dialing rules: <c>e164</c> or <c>north-america</c>.</summary>
    public sealed record RulesRequest(string? DialingRules);

    /// <summary>What an abbreviated number dials (empty: as is).</summary>
    public sealed record AbbreviatedRequest(string? Dial);

    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/dial-plan", (CustomerScope scope) => Results.Ok(new
        {
            dialing_rules = WireNames.Name(WireNames.DialingRules, scope.Customer.DialPlan.DialingRules),
            abbreviated_dialing = scope.Customer.DialPlan.AbbreviatedDialing.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value),
        })).WithName("GetDialPlan").WithSummary("The customer's dialing rules and abbreviated numbers");

        me.MapPut("/dial-plan/rules", (RulesRequest body, DialPlanChanges changes) =>
            body.DialingRules is { } name && WireNames.DialingRules.TryGetValue(name, out var rules)
                ? Answer(changes.SetRules(rules))
                : Results.Json(new ApiError("invalid", "dialing_rules is e164 or north-america", "dialing_rules"), statusCode: StatusCodes.Status400BadRequest))
            .WithName("SetDialingRules").WithSummary("Sets the dialing rules");

        me.MapPut("/dial-plan/abbreviated/{code}", (string code, AbbreviatedRequest body, DialPlanChanges changes) =>
            Answer(changes.SetAbbreviated(code, body.Dial?.Trim() ?? string.Empty)))
            .WithName("SetAbbreviatedNumber").WithSummary("Adds or changes an abbreviated number (validated like provision import)");

        me.MapDelete("/dial-plan/abbreviated/{code}", (string code, DialPlanChanges changes) =>
            changes.DeleteAbbreviated(code) is { } result ? Answer(result) : ApiRoutes.NotFound("abbreviated number"))
            .WithName("DeleteAbbreviatedNumber").WithSummary("Deletes an abbreviated number");
    }

    private static IResult Answer(Data.ProvisioningChanges.Result result) =>
        result.Done ? Results.NoContent() : Results.Json(new ApiError("invalid", result.Message!, result.Field, result.Kind), statusCode: StatusCodes.Status400BadRequest);
}
