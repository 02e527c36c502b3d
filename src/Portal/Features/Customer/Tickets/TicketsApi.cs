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
        me.MapGet("/tickets", (TicketDesk desk) => Results.Ok(desk.List())).WithName("ListTickets").WithSummary("The customer's trouble tickets, latest first");
        me.MapGet("/tickets/{id:long}", (long id, TicketDesk desk) =>
            desk.Find(id) is { } t ? Results.Ok(new { ticket = t.Ticket, messages = t.Messages }) : ApiRoutes.NotFound("ticket"))
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

    private static IResult Invalid(Dictionary<string, string> errors)
    {
        var (field, message) = errors.First();
        return Results.Json(new Security.ApiError("invalid", message, field), statusCode: StatusCodes.Status400BadRequest);
    }
}
