using Centrex.Portal.Security;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Lines;

/// <summary>
/// A line's forwarding (seed 004: Follow-Me, Advanced and Simple forwarding, the period wizard): choose the mode, add
/// numbers with their ring schedules, disable or delete them. Each change goes through provisioning's validation and
/// its message is shown beside the field it names.
/// </summary>
public sealed class ForwardingModel(CustomerScope scope, LineChanges changes) : PageModel
{
    public Account Line { get; private set; } = null!;

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    [BindProperty]
    public ForwardingForm Form { get; set; } = new();

    public IActionResult OnGet(string id) => Load(id) ? Page() : NotFound();

    public IActionResult OnPostMode(string id, string? mode)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        if (mode is null || !WireNames.ForwardingModes.TryGetValue(mode, out var m))
        {
            Errors["mode"] = "choose a mode";
            return Page();
        }

        return Save(id, f => f with { Mode = m }, "Forwarding mode saved.");
    }

    public IActionResult OnPostAdd(string id)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        var target = Form.Read(Errors);
        if (target is null)
        {
            return Page();
        }

        // Adding a number to a line that does not forward turns follow-me on: that is what the customer asked for.
        // "with": the line keeps what the switch's feature codes set (*72's conditional forwarding, its ring time).
        return Save(id, f => f with { Mode = f.Mode is ForwardingMode.Off or ForwardingMode.Simple ? ForwardingMode.FollowMe : f.Mode, Targets = [.. f.Targets, target] },
            $"{target.Number} added.", index: Line.Forwarding.Targets.Count);
    }

    public IActionResult OnPostToggle(string id, int index) => Edit(id, index, t => t with { Enabled = !t.Enabled });

    public IActionResult OnPostDelete(string id, int index) => Edit(id, index, null);

    private IActionResult Edit(string id, int index, Func<ForwardTarget, ForwardTarget>? change)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        if (index < 0 || index >= Line.Forwarding.Targets.Count)
        {
            return NotFound();
        }

        // The number the customer saw at that row, found again in the forwarding as stored when the change runs (one
        // added or removed meanwhile moves the rows); gone meanwhile, nothing changes.
        var seen = Line.Forwarding.Targets[index].Number;
        return Save(id, f =>
        {
            var targets = f.Targets.ToList();
            var at = index < targets.Count && targets[index].Number == seen ? index : targets.FindIndex(t => t.Number == seen);
            if (at < 0)
            {
                return f;
            }

            if (change is null)
            {
                targets.RemoveAt(at);
            }
            else
            {
                targets[at] = change(targets[at]);
            }

            return f with { Mode = targets.Count == 0 ? ForwardingMode.Off : f.Mode, Targets = targets };
        }, "Forwarding saved.");
    }

    // The change is made to the line's forwarding as stored when it runs (LineChanges), so two edits sent at once both land.
    private IActionResult Save(string id, Func<Forwarding, Forwarding> change, string done, int? index = null)
    {
        var result = changes.SetForwarding(id, change);
        if (result == LineChanges.NotFound)
        {
            return NotFound();
        }

        if (result.Done)
        {
            TempData["Saved"] = done;
            return RedirectToPage(new { id });
        }

        // Provisioning names the number it refused (targets[N]): a message about the one being added goes beside its field.
        var field = result.Field is { } named && (index is null || result.Message!.Contains($"targets[{index}]", StringComparison.Ordinal) || named is "targets" or "mode") ? named : string.Empty;
        Errors[field] = result.Message!;
        return Page();
    }

    private bool Load(string id)
    {
        if (scope.Line(id) is not { } line)
        {
            return false;
        }

        Line = line;
        return true;
    }
}
