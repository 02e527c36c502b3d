using Centrex.Portal.Data.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Tickets;

/// <summary>A ticket as the operator answers it, through <see cref="TicketAnswers"/> as <c>/api/v1/operator/tickets</c> does.</summary>
public sealed class TicketModel(TicketAnswers answers) : PageModel
{
    public Ticket Ticket { get; private set; } = null!;

    public IReadOnlyList<TicketMessage> Messages { get; private set; } = [];

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public IActionResult OnGet(long id) => Load(id) ? Page() : NotFound();

    public IActionResult OnPostReply(long id, string? body)
    {
        if (!answers.Reply(id, User, body, Errors))
        {
            return NotFound();
        }

        if (Errors.Count > 0)
        {
            Load(id);
            return Page();
        }

        TempData["Saved"] = "Answer sent.";
        return Redirect($"/operator/tickets/{id}");
    }

    public IActionResult OnPostResolve(long id)
    {
        if (!answers.Close(id))
        {
            return NotFound();
        }

        TempData["Saved"] = "Ticket resolved.";
        return Redirect($"/operator/tickets/{id}");
    }

    private bool Load(long id)
    {
        if (answers.Find(id) is not { } found)
        {
            return false;
        }

        (Ticket, Messages) = found;
        return true;
    }
}
