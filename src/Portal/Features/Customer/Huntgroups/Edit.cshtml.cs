using System.Globalization;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Huntgroups;

/// <summary>
/// Edit Huntgroup (seed 004: the group's settings, then "Included Extensions" with Ring Delay, Ring Time, Ignore
/// Follow-me/Voicemail, Set This Group as Primary, Order and Delete, and "Add Extension"): every change is one
/// provisioning change through import's reading and validation, its message beside the field it names. Another
/// customer's group, or one that does not exist, is 404.
/// </summary>
public sealed class EditModel(HuntGroupChanges changes) : PageModel
{
    public HuntGroup Group { get; private set; } = null!;

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public HuntGroupSettings Values { get; private set; } = HuntGroupSettings.New;

    /// <summary>The member row whose form was refused (its errors are the <c>member-</c> keys), or "new" for the add form.</summary>
    public string? EditingMember { get; private set; }

    /// <summary>The customer's extensions not in the group yet (what Add Extension offers).</summary>
    public IReadOnlyList<Account> Addable => [.. changes.Extensions.Where(a => Group.Members.All(m => m.Extension != a.Extension))];

    /// <summary>The customer's other groups this one does not include yet (what Include Huntgroup offers).</summary>
    public IReadOnlyList<HuntGroup> Includable => [.. changes.Groups.Where(g => g.Id != Group.Id && !Group.Groups.Contains(g.Number))];

    /// <summary>The customer's group with <paramref name="number"/>, for the included groups' names.</summary>
    public HuntGroup? GroupNumbered(string number) => changes.Groups.FirstOrDefault(g => g.Number == number);

    /// <summary>The name of the extension's line, for the members table.</summary>
    public Account? LineOf(string extension) => changes.Extensions.FirstOrDefault(a => a.Extension == extension);

    public IActionResult OnGet(string id)
    {
        if (changes.Find(id) is not { } group)
        {
            return NotFound();
        }

        (Group, Values) = (group, HuntGroupSettings.Of(group));
        return Page();
    }

    public IActionResult OnPost(string id, string? number, string? name, string? sequence, [FromForm(Name = "caller_id")] string? callerId,
        [FromForm(Name = "pickup_allowed")] bool pickupAllowed, [FromForm(Name = "no_answer")] string? noAnswer)
    {
        if (changes.Find(id) is not { } group)
        {
            return NotFound();
        }

        (Group, Values) = (group, new HuntGroupSettings(number, name, sequence, callerId, pickupAllowed, noAnswer));
        return Done(changes.Update(id, Values, Errors)!, $"Huntgroup {number?.Trim()} saved.", null);
    }

    public IActionResult OnPostAdd(string id, string? extension, [FromForm(Name = "ring_delay")] string? ringDelay, [FromForm(Name = "ring_for")] string? ringFor,
        [FromForm(Name = "ignore_follow_me")] bool ignoreFollowMe, bool primary)
    {
        if (changes.Find(id) is not { } group)
        {
            return NotFound();
        }

        (Group, Values) = (group, HuntGroupSettings.Of(group));
        if (string.IsNullOrEmpty(extension) || group.Members.Any(m => m.Extension == extension))
        {
            EditingMember = "new";
            Errors["member-extension"] = "choose one of your extensions not in the group";
            return Page();
        }

        if (Member(extension, ringDelay, ringFor, ignoreFollowMe, primary, "new") is not { } member)
        {
            return Page();
        }

        return Done(changes.SetMembers(id, now => [.. now, member])!, $"Extension {extension} added.", "new");
    }

    public IActionResult OnPostMember(string id, string? extension, [FromForm(Name = "ring_delay")] string? ringDelay, [FromForm(Name = "ring_for")] string? ringFor,
        [FromForm(Name = "ignore_follow_me")] bool ignoreFollowMe, bool primary)
    {
        if (changes.Find(id) is not { } group || group.Members.All(m => m.Extension != extension))
        {
            return NotFound();
        }

        (Group, Values) = (group, HuntGroupSettings.Of(group));
        if (Member(extension!, ringDelay, ringFor, ignoreFollowMe, primary, extension!) is not { } member)
        {
            return Page();
        }

        return Done(changes.SetMembers(id, now => [.. now.Select(m => m.Extension == extension ? member : m)])!, $"Extension {extension} saved.", extension);
    }

    public IActionResult OnPostInclude(string id, string? group)
    {
        if (changes.Find(id) is not { } found)
        {
            return NotFound();
        }

        (Group, Values) = (found, HuntGroupSettings.Of(found));
        if (string.IsNullOrEmpty(group) || found.Groups.Contains(group))
        {
            Errors["groups"] = "choose one of your other huntgroups not included yet";
            return Page();
        }

        // Import decides whether the number is one of the customer's groups and whether this makes a loop.
        return Done(changes.SetGroups(id, now => [.. now.Where(g => g != group.Trim()), group.Trim()])!, $"Huntgroup {group.Trim()} included.", null);
    }

    public IActionResult OnPostExclude(string id, string? group)
    {
        if (changes.Find(id) is not { } found || !found.Groups.Contains(group ?? string.Empty))
        {
            return NotFound();
        }

        (Group, Values) = (found, HuntGroupSettings.Of(found));
        return Done(changes.SetGroups(id, now => [.. now.Where(g => g != group)])!, $"Huntgroup {group} no longer included.", null);
    }

    public IActionResult OnPostRemove(string id, string? extension) =>
        Reorder(id, extension, (members, at) => members.RemoveAt(at), $"Extension {extension} removed.");

    public IActionResult OnPostUp(string id, string? extension) =>
        Reorder(id, extension, (members, at) => (members[at - 1], members[at]) = (members[at], members[at - 1]), $"Extension {extension} moved up.", first: false);

    private IActionResult Reorder(string id, string? extension, Action<List<HuntGroupMember>, int> change, string saved, bool first = true)
    {
        var group = changes.Find(id);
        var at = group?.Members.ToList().FindIndex(m => m.Extension == extension) ?? -1;
        if (group is null || at < 0 || (!first && at == 0))
        {
            return NotFound();
        }

        (Group, Values) = (group, HuntGroupSettings.Of(group));
        // The move is made on the members as stored when it runs: one added or removed meanwhile stays added or removed.
        return Done(changes.SetMembers(id, now =>
        {
            var members = now.ToList();
            var index = members.FindIndex(m => m.Extension == extension);
            if (index >= (first ? 0 : 1))
            {
                change(members, index);
            }

            return members;
        })!, saved, extension);
    }

    // A member from the form's fields; null with the wrong ones named (keys "member-<field>") for the row being edited.
    private HuntGroupMember? Member(string extension, string? ringDelay, string? ringFor, bool ignoreFollowMe, bool primary, string row)
    {
        var delay = Seconds(ringDelay, 0, "ring_delay");
        var time = Seconds(ringFor, ProvisioningJsonReader.DefaultRingSeconds, "ring_for");
        EditingMember = row;
        return delay is { } d && time is { } t ? new HuntGroupMember(extension, d, t, ignoreFollowMe, primary) : null;
    }

    private int? Seconds(string? text, int empty, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return empty;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds;
        }

        Errors["member-" + field] = $"'{text}' is not a number of seconds";
        Localization.Refusals.Note(HttpContext, "seconds-count", Errors["member-" + field], text);
        return null;
    }

    private IActionResult Done(Data.ProvisioningChanges.Result result, string saved, string? row)
    {
        if (result.Done)
        {
            TempData["Saved"] = saved;
            return RedirectToPage(new { id = Group.Id });
        }

        EditingMember = row;
        if (result.Message is { } message)
        {
            // Import names a member's field as members[i].ring_for: the row's field; the group's own fields by name.
            var field = result.Field ?? string.Empty;
            Errors[row is not null && field is "ring_for" or "ring_delay" or "extension" or "members" ? "member-" + field : field] = message;
        }

        return Page();
    }
}
