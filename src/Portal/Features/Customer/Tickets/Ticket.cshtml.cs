using Centrex.Portal.Data.Tickets;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Tickets;

/// <summary>One of the customer's tickets: its messages, a reply, close. Another customer's ticket is 404.</summary>
public sealed class TicketModel(TicketDesk desk, CustomerScope scope) : PageModel
{
    public Ticket Ticket { get; private set; } = null!;

    public IReadOnlyList<TicketMessage> Messages { get; private set; } = [];

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public NodaTime.DateTimeZone Zone => scope.Zone;

    public IActionResult OnGet(long id) => Load(id) ? Page() : NotFound();

    public IActionResult OnPostReply(long id, string? body)
    {
        if (!desk.Reply(id, body, Errors))
        {
            return NotFound();
        }

        if (Errors.Count > 0)
        {
            Load(id);
            return Page();
        }

        TempData["Saved"] = "Reply sent.";
        return Redirect($"/customer/tickets/{id}");
    }

    public IActionResult OnPostClose(long id)
    {
        if (!desk.Close(id))
        {
            return NotFound();
        }

        TempData["Saved"] = "Ticket closed.";
        return Redirect($"/customer/tickets/{id}");
    }

    private bool Load(long id)
    {
        if (desk.Find(id) is not { } found)
        {
            return false;
        }

        (Ticket, Messages) = found;
        return true;
    }
}
