using Centrex.Portal.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.Tickets;

/// <summary><c>/api/v1/me/tickets</c>: list, open, read, reply, close; another customer's ticket is 404.</summary>
internal static class TicketsApi
{
    /// <summary>A new ticket.</summary>
    public sealed record NewTicket(string? Subject, string? Body);

    /// <summary>A reply.</summary>
    public sealed record Reply(string? Body);

    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/tickets", (HttpContext context, TicketDesk desk) =>
        {
            var paging = TicketDesk.Sorting.Read(context.Request.Query);
            var result = desk.Page(paging);
            ApiPages.Headers(context, result.Paging.Page, result.Paging.Size, result.Total);
            return Results.Ok(result.Rows.Select(Json));
        }).WithName("ListTickets").WithSummary("The customer's trouble tickets, latest first, a page at a time: page, size (10 to 500, 50 by default), sort (id, subject, status, created, updated, requestor), dir; X-Total-Count and Link headers. A ticket's id is its number among the customer's own");
        me.MapGet("/tickets/{id:long}", (long id, TicketDesk desk) =>
            desk.Find(id) is { } t ? Results.Ok(new { ticket = Json(t.Ticket), messages = t.Messages }) : ApiRoutes.NotFound("ticket"))
            .WithName("GetTicket").WithSummary("A ticket with its messages");
        me.MapPost("/tickets", (NewTicket body, TicketDesk desk) =>
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            return desk.Create(body.Subject, body.Body, errors) is { } id
                ? Results.Created($"/api/v1/me/tickets/{id}", new { id })
                : Invalid(errors);
        }).WithName("CreateTicket").WithSummary("Opens a ticket");
        me.MapPost("/tickets/{id:long}/replies", (long id, Reply body, TicketDesk desk) =>
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            return !desk.Reply(id, body.Body, errors) ? ApiRoutes.NotFound("ticket") : errors.Count > 0 ? Invalid(errors) : Results.NoContent();
        }).WithName("ReplyToTicket").WithSummary("Adds the customer's reply");
        me.MapPost("/tickets/{id:long}/close", (long id, TicketDesk desk) => desk.Close(id) ? Results.NoContent() : ApiRoutes.NotFound("ticket"))
            .WithName("CloseTicket").WithSummary("Closes the ticket");
    }

    // The customer's view of a ticket: its own number as the id; neither the store's id (which counts every customer's
    // tickets: review of issue 16, finding 14) nor anything else of the platform.
    private static object Json(Data.Tickets.Ticket t) => new { id = t.Number, t.Subject, t.Status, t.Requestor, t.Created, t.Updated };

    private static IResult Invalid(Dictionary<string, string> errors)
    {
        // A cap on the customer's tickets is about no field of the request: it fits once a ticket is closed (as a key
        // refused for too many keys is a 409, ApiResults.TooManyKeys).
        if (errors.TryGetValue(TicketDesk.Limit, out var limit))
        {
            return Results.Json(new Security.ApiError("too-many-tickets", limit), statusCode: StatusCodes.Status409Conflict);
        }

        var (field, message) = errors.First();
        return Results.Json(new Security.ApiError("invalid", message, field), statusCode: StatusCodes.Status400BadRequest);
    }
}
