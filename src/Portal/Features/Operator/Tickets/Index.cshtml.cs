using Centrex.Portal.Data.Tickets;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Tickets;

/// <summary>Every customer's tickets for the operator to answer (issue 16: "the operator answers"), new ones first by filter.</summary>
public sealed class IndexModel(TicketAnswers answers) : PageModel
{
    public IReadOnlyList<Ticket> Tickets { get; private set; } = [];

    public string? Status { get; private set; }

    public void OnGet()
    {
        Status = Request.Query["status"].ToString() is { Length: > 0 } s && TicketAnswers.Statuses.Contains(s) ? s : null;
        Tickets = answers.List(Status, null);
    }
}
