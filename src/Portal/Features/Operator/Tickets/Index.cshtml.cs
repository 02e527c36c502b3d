using Centrex.Portal.Data.Tickets;
using Centrex.Portal.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Tickets;

/// <summary>Every customer's tickets for the operator to answer (issue 16: "the operator answers"), new ones first by filter.</summary>
public sealed class IndexModel(TicketAnswers answers) : PageModel
{
    public IReadOnlyList<Ticket> Tickets { get; private set; } = [];

    public string? Status { get; private set; }

    /// <summary>The table's sortable columns.</summary>
    public static TableSort<Ticket> Sorting { get; } = new("updated", defaultDescending: true,
    [
        ("id", t => t.Id), ("customer", t => t.CustomerId), ("subject", t => t.Subject), ("status", t => t.Status), ("updated", t => t.Updated), ("requestor", t => t.Requestor),
    ]);

    /// <summary>The page of tickets shown, in the URL's order.</summary>
    public Paged<Ticket> Result => field ??= Sorting.Page(Request.Query, Tickets);

    public void OnGet()
    {
        Status = Request.Query["status"].ToString() is { Length: > 0 } s && TicketAnswers.Statuses.Contains(s) ? s : null;
        Tickets = answers.List(Status, null);
    }
}
