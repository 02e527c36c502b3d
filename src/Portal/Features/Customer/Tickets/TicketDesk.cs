using System.Security.Claims;
using Centrex.Portal.Data;
using Centrex.Portal.Data.Tickets;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Features.Customer.Tickets;

/// <summary>The customer's trouble tickets: list, open, reply, close; every call is for the session's customer.</summary>
public sealed class TicketDesk(CustomerScope scope, TicketStore tickets, PortalData data, IHttpContextAccessor http)
{
    private string Login => http.HttpContext?.User.FindFirstValue(PortalClaims.Login) ?? scope.CustomerId;

    public IReadOnlyList<Ticket> List() => tickets.List(scope.CustomerId);

    public (Ticket Ticket, IReadOnlyList<TicketMessage> Messages)? Find(long id) => tickets.Find(id, scope.CustomerId);

    /// <summary>Opens a ticket; null with the fields named when the subject or message is empty or too long.</summary>
    public long? Create(string? subject, string? body, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Check(subject, "subject", TicketStore.MaxSubject, errors);
        Check(body, "body", TicketStore.MaxBody, errors);
        return errors.Count > 0 ? null : tickets.Create(scope.CustomerId, Login, subject!.Trim(), body!.Trim(), data.Clock.GetCurrentInstant());
    }

    /// <summary>Adds the customer's reply; false when the ticket is not the customer's.</summary>
    public bool Reply(long id, string? body, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Find(id) is null)
        {
            return false;
        }

        Check(body, "body", TicketStore.MaxBody, errors);
        return errors.Count > 0 || tickets.Reply(id, scope.CustomerId, Login, fromOperator: false, body!.Trim(), data.Clock.GetCurrentInstant());
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
