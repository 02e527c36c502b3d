using Centrex.Portal.Api;
using Centrex.Portal.Security;
using Centrex.Provisioning.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.DialPlan;

/// <summary>
/// <c>/api/v1/me/dial-plan</c>: the customer's dialing rules and abbreviated dialing (GET); the rules with their
/// parameters (PUT), one abbreviated number with its description (PUT, DELETE), the Abbreviated Number Length (PUT), each
/// validated like <c>provision import</c> (400 with its message and field; seed 004).
/// </summary>
internal static class DialPlanApi
{
    /// <summary>
    /// New dialing rules: <c>e164</c>, <c>north-america</c>, <c>enabled</c> or <c>custom</c>, and the parameters of seed
    /// 004's Dialing Rules (provisioning's <c>dialing</c> fields); a parameter left out keeps its value.
    /// </summary>
    public sealed record RulesRequest(string? DialingRules, string? OutsidePrefix = null, string? InternationalPrefix = null, string? NationalPrefix = null,
        string? CountryCode = null, string? AreaCode = null, IReadOnlyList<int>? LocalLengths = null, string? CustomRule = null);

    /// <summary>What an abbreviated number dials (empty: as is) and its description (seed 004's Description column).</summary>
    public sealed record AbbreviatedRequest(string? Dial, string? Description = null);

    /// <summary>Seed 004's Abbreviated Number Length (null: not set).</summary>
    public sealed record AbbreviatedLengthRequest(int? AbbreviatedLength);

    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/dial-plan", (CustomerScope scope) => Results.Ok(new
        {
            dialing_rules = WireNames.Name(WireNames.DialingRules, scope.Customer.DialPlan.DialingRules),
            dialing = Parameters(scope.Customer.DialPlan.Dialing),
            abbreviated_dialing = scope.Customer.DialPlan.AbbreviatedDialing.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value),
            abbreviated_descriptions = scope.Customer.DialPlan.AbbreviatedDescriptions.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value),
            abbreviated_length = scope.Customer.DialPlan.AbbreviatedLength,
        })).WithName("GetDialPlan").WithSummary("The customer's dialing rules with their parameters, and abbreviated numbers with their descriptions and length");

        me.MapPut("/dial-plan/rules", (RulesRequest body, DialPlanChanges changes, CustomerScope scope) =>
            body.DialingRules is { } name && WireNames.DialingRules.TryGetValue(name, out var rules)
                ? Answer(changes.SetRules(rules, Merge(body, scope.Customer.DialPlan.Dialing)))
                : Results.Json(new ApiError("invalid", "dialing_rules is e164, north-america, enabled or custom", "dialing_rules"), statusCode: StatusCodes.Status400BadRequest))
            .WithName("SetDialingRules").WithSummary("Sets the dialing rules and their parameters (validated like provision import, 400 naming the field)");

        me.MapPut("/dial-plan/abbreviated/{code}", (string code, AbbreviatedRequest body, DialPlanChanges changes) =>
            Answer(changes.SetAbbreviated(code, body.Dial?.Trim() ?? string.Empty, body.Description)))
            .WithName("SetAbbreviatedNumber").WithSummary("Adds or changes an abbreviated number and its description (validated like provision import)");

        me.MapPut("/dial-plan/abbreviated-length", (AbbreviatedLengthRequest body, DialPlanChanges changes) => Answer(changes.SetAbbreviatedLength(body.AbbreviatedLength)))
            .WithName("SetAbbreviatedLength").WithSummary("Sets the Abbreviated Number Length: the digits every abbreviated number has, read as a code before the dialing rules (null: not set)");

        me.MapDelete("/dial-plan/abbreviated/{code}", (string code, DialPlanChanges changes) =>
            changes.DeleteAbbreviated(code) is { } result ? Answer(result) : ApiRoutes.NotFound("abbreviated number"))
            .WithName("DeleteAbbreviatedNumber").WithSummary("Deletes an abbreviated number");
    }

    /// <summary>The parameters as provisioning's <c>dialing</c> object names them.</summary>
    internal static object Parameters(Provisioning.Model.DialingParameters d) => new
    {
        outside_prefix = d.OutsidePrefix, international_prefix = d.InternationalPrefix, national_prefix = d.NationalPrefix,
        country_code = d.CountryCode, area_code = d.AreaCode, local_lengths = d.LocalLengths, custom_rule = d.CustomRule,
    };

    private static Provisioning.Model.DialingParameters Merge(RulesRequest body, Provisioning.Model.DialingParameters now) => new(
        body.OutsidePrefix?.Trim() ?? now.OutsidePrefix, body.InternationalPrefix?.Trim() ?? now.InternationalPrefix, body.NationalPrefix?.Trim() ?? now.NationalPrefix,
        body.CountryCode?.Trim() ?? now.CountryCode, body.AreaCode?.Trim() ?? now.AreaCode, body.LocalLengths ?? now.LocalLengths,
        body.CustomRule is null ? now.CustomRule : body.CustomRule.Trim().Length == 0 ? null : body.CustomRule.Trim());

    private static IResult Answer(Data.ProvisioningChanges.Result result) =>
        result.Done ? Results.NoContent() : result == Data.ProvisioningChanges.Result.NotFound ? ApiRoutes.NotFound("customer") : Results.Json(new ApiError("invalid", result.Message!, result.Field, result.Kind), statusCode: StatusCodes.Status400BadRequest);
}
