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
    public IReadOnlyList<Ticket> Tickets { get; private set; } = [];

    /// <summary>The table's sortable columns.</summary>
    public static TableSort<Ticket> Sorting { get; } = new("updated", defaultDescending: true,
    [
        ("id", t => t.Id), ("subject", t => t.Subject), ("status", t => t.Status), ("created", t => t.Created), ("updated", t => t.Updated), ("requestor", t => t.Requestor),
    ]);

    /// <summary>The page of tickets shown, in the URL's order.</summary>
    public Paged<Ticket> Result => field ??= Sorting.Page(Request.Query, Tickets);

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Subject { get; private set; }

    public string? Body { get; private set; }

    public NodaTime.DateTimeZone Zone => scope.Zone;

    public void OnGet() => Tickets = desk.List();

    public IActionResult OnPost(string? subject, string? body)
    {
        if (desk.Create(subject, body, Errors) is { } id)
        {
            TempData["Saved"] = Translation.Of(HttpContext, "Ticket #{0} created.", id);
            return Redirect($"/customer/tickets/{id}");
        }

        (Subject, Body) = (subject, body);
        Tickets = desk.List();
        return Page();
    }
}
