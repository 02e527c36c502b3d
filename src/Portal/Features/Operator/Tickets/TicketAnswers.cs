using System.Security.Claims;
using Centrex.Portal.Data;
using Centrex.Portal.Data.Tickets;
using Centrex.Portal.Features.Customer.Tickets;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;

namespace Centrex.Portal.Features.Operator.Tickets;

/// <summary>
/// The operator's side of trouble tickets (issue 16: "the operator answers"), for the operator's Tickets pages and
/// <c>/api/v1/operator/tickets</c> alike: every customer's tickets, filtered by status and customer; an answer (checked
/// as the customer's messages are) and resolving. The author of an answer is the operator's login, or the API key's id.
/// </summary>
public sealed class TicketAnswers(TicketStore tickets, PortalData data)
{
    /// <summary>The statuses a ticket has (<see cref="TicketStore"/>).</summary>
    public static readonly IReadOnlyList<string> Statuses = ["new", "open", "resolved"];

    /// <summary>The operator's table's sortable columns, in SQL (<see cref="TicketStore.Page"/>): # is the store's id.</summary>
    public static SqlSort Sorting { get; } = new("updated", defaultDescending: true,
    [
        ("id", "id"), ("customer", "customer_id"), ("subject", "subject COLLATE NOCASE"), ("status", "status"), ("updated", "updated_ms"), ("requestor", "requestor COLLATE NOCASE"),
    ]);

    /// <summary>
    /// A page of every customer's tickets (or one customer's, or in one status), read a page at a time (review of issue
    /// 16, finding 9: the operator's page loaded every customer's tickets).
    /// </summary>
    public Paged<Ticket> Page(string? status, string? customerId, Paging paging)
    {
        ArgumentNullException.ThrowIfNull(paging);
        return new Paged<Ticket>(tickets.Page(customerId, status, Sorting.OrderBy(paging, "id"), paging.Skip, paging.Size), tickets.Count(customerId, status), paging);
    }

    /// <summary>Any customer's ticket with its messages, or null.</summary>
    public (Ticket Ticket, IReadOnlyList<TicketMessage> Messages)? Find(long id) => tickets.Find(id, null);

    /// <summary>
    /// Adds the operator's answer (the ticket becomes <c>open</c>, waiting for the customer); false when there is no such
    /// ticket; true with <c>body</c> named in <paramref name="errors"/> when the message is empty or too long.
    /// </summary>
    public bool Reply(long id, ClaimsPrincipal by, string? body, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (Find(id) is null)
        {
            return false;
        }

        TicketDesk.Check(body, "body", TicketStore.MaxBody, errors);
        if (errors.Count > 0)
        {
            return true;
        }

        // The operator's answers are not capped by the customer's open tickets: only a full ticket refuses one.
        var added = tickets.Reply(id, null, Author(by), fromOperator: true, body!.Trim(), data.Clock.GetCurrentInstant());
        if (added == TicketReply.Full)
        {
            TicketDesk.Full(null, errors);
        }

        return added != TicketReply.NotFound;
    }

    /// <summary>Resolves the ticket; false when there is no such ticket.</summary>
    public bool Close(long id) => tickets.Close(id, null, data.Clock.GetCurrentInstant());

    private static string Author(ClaimsPrincipal by) =>
        by.FindFirstValue(PortalClaims.Login) ?? $"api key {by.FindFirstValue(ClaimTypes.NameIdentifier)}";
}
