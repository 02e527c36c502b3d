using Centrex.Portal.Data.Tickets;
using Centrex.Portal.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Tickets;

/// <summary>Every customer's tickets for the operator to answer (issue 16: "the operator answers"), new ones first by filter.</summary>
public sealed class IndexModel(TicketAnswers answers) : PageModel
{
    public string? Status { get; private set; }

    /// <summary>The page of tickets shown, in the URL's order, read a page at a time.</summary>
    public Paged<Ticket> Result { get; private set; } = null!;

    public void OnGet()
    {
        Status = Request.Query["status"].ToString() is { Length: > 0 } s && TicketAnswers.Statuses.Contains(s) ? s : null;
        Result = answers.Page(Status, null, TicketAnswers.Sorting.Read(Request.Query));
    }
}
