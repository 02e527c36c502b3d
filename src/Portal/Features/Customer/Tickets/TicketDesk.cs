using System.Security.Claims;
using Centrex.Portal.Data;
using Centrex.Portal.Data.Tickets;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Features.Customer.Tickets;

/// <summary>The customer's trouble tickets: list, open, reply, close; every call is for the session's customer.</summary>
public sealed class TicketDesk(CustomerScope scope, TicketStore tickets, PortalData data, IHttpContextAccessor http)
{
    private string Login => http.HttpContext?.User.FindFirstValue(PortalClaims.Login) ?? scope.CustomerId;

    /// <summary>The table's sortable columns, in SQL (<see cref="TicketStore.Page"/>): # is the customer's own number.</summary>
    public static SqlSort Sorting { get; } = new("updated", defaultDescending: true,
    [
        ("id", "number"), ("subject", "subject COLLATE NOCASE"), ("status", "status"), ("created", "created_ms"), ("updated", "updated_ms"), ("requestor", "requestor COLLATE NOCASE"),
    ]);

    /// <summary>A page of the customer's tickets (the page and <c>/api/v1/me/tickets</c>).</summary>
    public Paged<Ticket> Page(Paging paging)
    {
        ArgumentNullException.ThrowIfNull(paging);
        return new Paged<Ticket>(tickets.Page(scope.CustomerId, null, Sorting.OrderBy(paging, "id"), paging.Skip, paging.Size), tickets.Count(scope.CustomerId, null), paging);
    }

    /// <summary>The customer's ticket numbered <paramref name="number"/> (its own numbers), or null.</summary>
    public (Ticket Ticket, IReadOnlyList<TicketMessage> Messages)? Find(long number) => tickets.Find(number, scope.CustomerId);

    /// <summary>
    /// Opens a ticket; its number, or null with the fields named when the subject or message is empty or too long, or
    /// with the whole form (<see cref="Limit"/>) when the customer has as many tickets open, or opened today, as it may
    /// (<see cref="TicketStore.MaxOpen"/>, <see cref="TicketStore.MaxPerDay"/>): nothing is wrong with the subject then.
    /// </summary>
    public long? Create(string? subject, string? body, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Check(subject, "subject", TicketStore.MaxSubject, errors);
        Check(body, "body", TicketStore.MaxBody, errors);
        if (errors.Count > 0)
        {
            return null;
        }

        if (tickets.Create(scope.CustomerId, Login, subject!.Trim(), body!.Trim(), data.Clock.GetCurrentInstant()) is { } number)
        {
            return number;
        }

        if (tickets.OpenCount(scope.CustomerId) >= TicketStore.MaxOpen)
        {
            TooManyOpen(errors);
        }
        else
        {
            Refuse(errors, "tickets-day", $"at most {TicketStore.MaxPerDay} new tickets a day: write in one that is open", TicketStore.MaxPerDay);
        }

        return null;
    }

    /// <summary>
    /// Adds the customer's reply; false when the ticket is not the customer's; <c>body</c> named in
    /// <paramref name="errors"/> when the message is empty, too long, or the ticket holds <see cref="TicketStore.MaxMessages"/>;
    /// the whole form (<see cref="Limit"/>) when the reply would reopen a resolved ticket beyond <see cref="TicketStore.MaxOpen"/>.
    /// </summary>
    public bool Reply(long number, string? body, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Find(number) is null)
        {
            return false;
        }

        Check(body, "body", TicketStore.MaxBody, errors);
        if (errors.Count > 0)
        {
            return true;
        }

        switch (tickets.Reply(number, scope.CustomerId, Login, fromOperator: false, body!.Trim(), data.Clock.GetCurrentInstant()))
        {
            case TicketReply.NotFound:
                return false;
            case TicketReply.Full:
                Full(http.HttpContext, errors);
                break;
            case TicketReply.TooManyOpen:
                TooManyOpen(errors);
                break;
        }

        return true;
    }

    /// <summary>Names <c>body</c>: the ticket holds as many messages as it may.</summary>
    public static void Full(HttpContext? context, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors["body"] = $"at most {TicketStore.MaxMessages} messages in a ticket: open a new one";
        Localization.Refusals.Note(context, "ticket-messages", errors["body"], TicketStore.MaxMessages);
    }

    /// <summary>
    /// The key in a form's errors of a refusal that is about no field: the customer holds as many tickets as it may
    /// (the API answers it 409 <c>too-many-tickets</c>, the pages above the form).
    /// </summary>
    public const string Limit = "";

    private void TooManyOpen(Dictionary<string, string> errors) =>
        Refuse(errors, "tickets-open", $"at most {TicketStore.MaxOpen} tickets open at once: close one that is settled first", TicketStore.MaxOpen);

    private void Refuse(Dictionary<string, string> errors, string code, string message, int max)
    {
        errors[Limit] = message;
        Localization.Refusals.Note(http.HttpContext, code, message, max);
    }

    /// <summary>Closes the ticket; false when it is not the customer's.</summary>
    public bool Close(long id) => tickets.Close(id, scope.CustomerId, data.Clock.GetCurrentInstant());

    /// <summary>Names <paramref name="field"/> in <paramref name="errors"/> when <paramref name="text"/> is empty or longer than <paramref name="max"/>.</summary>
    public static void Check(string? text, string field, int max, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = "enter some text";
        }
        else if (text.Trim().Length > max)
        {
            // Written in English whatever the request's language (the API answers with it); the page shows the code's text.
            errors[field] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"at most {max:N0} characters");
            Localization.Refusals.Note(Localization.Refusals.Current, "at-most-characters", errors[field], max);
        }
    }
}
