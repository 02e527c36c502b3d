using System.Security.Claims;
using Centrex.Portal.Data;
using Centrex.Portal.Data.Tickets;
using Centrex.Portal.Features.Customer.Tickets;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Tickets;

/// <summary>A ticket as the operator answers it.</summary>
public sealed class TicketModel(TicketStore tickets, PortalData data) : PageModel
{
    public Ticket Ticket { get; private set; } = null!;

    public IReadOnlyList<TicketMessage> Messages { get; private set; } = [];

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public IActionResult OnGet(long id) => Load(id) ? Page() : NotFound();

    public IActionResult OnPostReply(long id, string? body)
    {
        TicketDesk.Check(body, "body", TicketStore.MaxBody, Errors);
        if (Errors.Count > 0)
        {
            return Load(id) ? Page() : NotFound();
        }

        if (!tickets.Reply(id, null, User.FindFirstValue(PortalClaims.Login)!, fromOperator: true, body!.Trim(), data.Clock.GetCurrentInstant()))
        {
            return NotFound();
        }

        TempData["Saved"] = "Answer sent.";
        return Redirect($"/operator/tickets/{id}");
    }

    public IActionResult OnPostResolve(long id)
    {
        if (!tickets.Close(id, null, data.Clock.GetCurrentInstant()))
        {
            return NotFound();
        }

        TempData["Saved"] = "Ticket resolved.";
        return Redirect($"/operator/tickets/{id}");
    }

    private bool Load(long id)
    {
        if (tickets.Find(id, null) is not { } found)
        {
            return false;
        }

        (Ticket, Messages) = found;
        return true;
    }
}
