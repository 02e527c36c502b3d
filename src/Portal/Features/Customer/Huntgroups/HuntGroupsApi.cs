using Centrex.Portal.Api;
using Centrex.Portal.Security;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.Huntgroups;

/// <summary>
/// <c>/api/v1/me/hunt-groups</c>: the customer's hunt groups (GET), one added (POST), replaced with its members (PUT) or
/// deleted (DELETE), each validated like <c>provision import</c> (400 naming the field); another customer's group is 404.
/// <c>groups</c> lists the numbers of the customer's groups it includes (refused when one is not the customer's or makes a loop).
/// Fields are provisioning's (<c>sequence</c>: order, random, simultaneous, least-used; <c>caller_id</c>: keep, group,
/// group-name; members' <c>ring_delay</c>, <c>ring_for</c>, <c>ignore_follow_me</c>, <c>primary</c>).
/// </summary>
internal static class HuntGroupsApi
{
    /// <summary>A member as the API gives it.</summary>
    public sealed record MemberBody(string Extension, int? RingDelay, int? RingFor, bool? IgnoreFollowMe, bool? Primary);

    /// <summary>A group as the API gives it (members, groups: null leaves them as they are; groups are the included groups' numbers).</summary>
    public sealed record GroupBody(string? Number, string? Name, string? Sequence, string? CallerId, bool? PickupAllowed, string? NoAnswer, IReadOnlyList<MemberBody>? Members,
        IReadOnlyList<string>? Groups = null);

    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/hunt-groups", (HuntGroupChanges changes) => Results.Ok(changes.Groups.Select(Json)))
            .WithName("ListHuntGroups").WithSummary("The customer's hunt groups and their members");

        me.MapPost("/hunt-groups", (GroupBody body, HuntGroupChanges changes) =>
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var (result, id) = changes.Create(Settings(body, null), errors, body.Members is { } list ? Members(list) : null, body.Groups);

            return result.Done ? Results.Created($"/api/v1/me/hunt-groups/{id}", Json(changes.Find(id!)!)) : Refusal(result, errors);
        }).WithName("AddHuntGroup").WithSummary("Adds a hunt group (validated like provision import)");

        me.MapPut("/hunt-groups/{id}", (string id, GroupBody body, HuntGroupChanges changes) =>
        {
            // One change: a member or included group refused leaves the settings as they were too.
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var members = body.Members is { } list ? Members(list) : null;
            var result = changes.Change(id, errors, now => Settings(body, now), members is null ? null : _ => members, body.Groups is { } included ? _ => included : null);
            return result is null ? ApiRoutes.NotFound("hunt group") : result.Done ? Results.NoContent() : Refusal(result, errors);
        }).WithName("SetHuntGroup").WithSummary("Changes a hunt group and, when given, its members (validated like provision import)");

        me.MapDelete("/hunt-groups/{id}", (string id, HuntGroupChanges changes) => changes.Delete(id) switch
        {
            null => ApiRoutes.NotFound("hunt group"),
            { Done: true } => Results.NoContent(),
            var refused => Refusal(refused, new Dictionary<string, string>()),
        }).WithName("DeleteHuntGroup").WithSummary("Deletes a hunt group (refused while a call flow or another group uses it)");
    }

    // The body's settings over the group's (a field left out keeps its value; a new group starts from the defaults).
    private static HuntGroupSettings Settings(GroupBody body, HuntGroup? group)
    {
        var now = group is null ? HuntGroupSettings.New : HuntGroupSettings.Of(group);
        return new HuntGroupSettings(body.Number ?? now.Number, body.Name ?? now.Name, body.Sequence ?? now.Sequence, body.CallerId ?? now.CallerId,
            body.PickupAllowed ?? now.PickupAllowed, body.NoAnswer ?? now.NoAnswer);
    }

    private static List<HuntGroupMember> Members(IReadOnlyList<MemberBody> list) =>
        [.. list.Select(m => new HuntGroupMember(m.Extension ?? string.Empty, m.RingDelay ?? 0, m.RingFor ?? ProvisioningJsonReader.DefaultRingSeconds, m.IgnoreFollowMe ?? false, m.Primary ?? false))];

    private static IResult Refusal(Data.ProvisioningChanges.Result result, Dictionary<string, string> errors)
    {
        var (field, message) = errors.Count > 0 ? (errors.First().Key, errors.First().Value) : (result.Field, result.Message ?? "refused");
        return Results.Json(new ApiError("invalid", message, field), statusCode: StatusCodes.Status400BadRequest);
    }

    private static object Json(HuntGroup g) => new
    {
        id = g.Id, number = g.Number, name = g.Name, sequence = WireNames.Name(WireNames.HuntSequences, g.Sequence),
        caller_id = WireNames.Name(WireNames.HuntCallerIds, g.CallerId), pickup_allowed = g.PickupAllowed, no_answer = g.NoAnswer,
        members = g.Members.Select(m => new { extension = m.Extension, ring_delay = m.RingDelaySeconds, ring_for = m.RingSeconds, ignore_follow_me = m.IgnoreFollowMe, primary = m.Primary }),
        groups = g.Groups,
    };
}
