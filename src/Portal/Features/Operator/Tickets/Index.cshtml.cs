using Centrex.Portal.Data.Tickets;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Tickets;

/// <summary>Every customer's tickets for the operator to answer (issue 16: "the operator answers"), new ones first by filter.</summary>
public sealed class IndexModel(TicketStore tickets) : PageModel
{
    public IReadOnlyList<Ticket> Tickets { get; private set; } = [];

    public string? Status { get; private set; }

    public void OnGet()
    {
        Status = Request.Query["status"].ToString() is { Length: > 0 } s && s is "new" or "open" or "resolved" ? s : null;
        Tickets = tickets.List(null, Status);
    }
}
