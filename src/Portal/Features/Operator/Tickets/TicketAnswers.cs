using System.Security.Claims;
using Centrex.Portal.Data;
using Centrex.Portal.Data.Tickets;
using Centrex.Portal.Features.Customer.Tickets;
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

    /// <summary>Every customer's tickets (or one customer's, or in one status), latest first.</summary>
    public IReadOnlyList<Ticket> List(string? status, string? customerId) =>
        [.. tickets.List(null, status).Where(t => customerId is null || t.CustomerId == customerId)];

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
        return errors.Count > 0 || tickets.Reply(id, null, Author(by), fromOperator: true, body!.Trim(), data.Clock.GetCurrentInstant());
    }

    /// <summary>Resolves the ticket; false when there is no such ticket.</summary>
    public bool Close(long id) => tickets.Close(id, null, data.Clock.GetCurrentInstant());

    private static string Author(ClaimsPrincipal by) =>
        by.FindFirstValue(PortalClaims.Login) ?? $"api key {by.FindFirstValue(ClaimTypes.NameIdentifier)}";
}
