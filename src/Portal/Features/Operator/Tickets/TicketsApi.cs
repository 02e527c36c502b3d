using Centrex.Portal.Api;
using Centrex.Portal.Features.Operator.Api;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Operator.Tickets;

/// <summary>
/// <c>/api/v1/operator/tickets</c>: every customer's trouble tickets for the operator (<c>tickets:read</c>: list with
/// <c>status</c> and <c>customer</c> filters, one with its messages) and the answers (<c>tickets:write</c>: reply,
/// close), through <see cref="TicketAnswers"/> as the operator's pages do.
/// </summary>
internal static class TicketsApi
{
    /// <summary>An answer.</summary>
    public sealed record Answer(string? Body);

    public static void Map(RouteGroupBuilder operatorGroup)
    {
        operatorGroup.MapGet("/tickets", (string? status, string? customer, HttpContext context, TicketAnswers answers) =>
        {
            if (status is { Length: > 0 } && !TicketAnswers.Statuses.Contains(status))
            {
                return ApiFields.Invalid($"status is one of {string.Join(", ", TicketAnswers.Statuses)}", "status");
            }

            var result = answers.Page(string.IsNullOrEmpty(status) ? null : status, string.IsNullOrWhiteSpace(customer) ? null : customer.Trim(), TicketAnswers.Sorting.Read(context.Request.Query));
            ApiPages.Headers(context, result.Paging.Page, result.Paging.Size, result.Total);
            return Results.Ok(result.Rows);
        }).Scoped(ApiScope.TicketsRead).WithName("ListAllTickets").WithSummary("Every customer's trouble tickets (operator), latest first: filters status, customer; a page at a time: page, size (10 to 500, 50 by default), sort, dir; X-Total-Count and Link headers");

        operatorGroup.MapGet("/tickets/{id:long}", (long id, TicketAnswers answers) =>
            answers.Find(id) is { } t ? Results.Ok(new { ticket = t.Ticket, messages = t.Messages }) : ApiRoutes.NotFound("ticket"))
            .Scoped(ApiScope.TicketsRead).WithName("GetAnyTicket").WithSummary("Any customer's ticket with its messages (operator)");

        operatorGroup.MapPost("/tickets/{id:long}/replies", (long id, Answer body, HttpContext context, TicketAnswers answers) =>
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            return !answers.Reply(id, context.User, body.Body, errors) ? ApiRoutes.NotFound("ticket")
                : errors.Count > 0 ? ApiFields.Refused(errors)
                : Results.NoContent();
        }).Scoped(ApiScope.TicketsWrite).WithName("AnswerTicket").WithSummary("Adds the operator's answer (the ticket becomes open, waiting for the customer)");

        operatorGroup.MapPost("/tickets/{id:long}/close", (long id, TicketAnswers answers) => answers.Close(id) ? Results.NoContent() : ApiRoutes.NotFound("ticket"))
            .Scoped(ApiScope.TicketsWrite).WithName("ResolveTicket").WithSummary("Resolves (closes) any customer's ticket (operator)");
    }
}
