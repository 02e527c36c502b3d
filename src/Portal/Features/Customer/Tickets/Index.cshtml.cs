using Centrex.Portal.Localization;
using Centrex.Portal.Data.Tickets;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Tickets;

/// <summary>Trouble Tickets (seed 004: the list of recent tickets and Create Ticket).</summary>
public sealed class IndexModel(TicketDesk desk, CustomerScope scope) : PageModel
{
    /// <summary>The page of tickets shown, in the URL's order, read a page at a time.</summary>
    public Paged<Ticket> Result => field ??= desk.Page(TicketDesk.Sorting.Read(Request.Query));

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Subject { get; private set; }

    public string? Body { get; private set; }

    public NodaTime.DateTimeZone Zone => scope.Zone;

    public void OnGet()
    {
        // The page is read when the view shows it (Result), after a refused form too.
    }

    public IActionResult OnPost(string? subject, string? body)
    {
        if (desk.Create(subject, body, Errors) is { } id)
        {
            TempData["Saved"] = Translation.Of(HttpContext, "Ticket #{0} created.", id);
            return Redirect($"/customer/tickets/{id}");
        }

        (Subject, Body) = (subject, body);
        return Page();
    }
}
