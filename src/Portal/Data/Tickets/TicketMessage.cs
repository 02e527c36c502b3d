using NodaTime;

namespace Centrex.Portal.Data.Tickets;

/// <summary>One message of a ticket: the customer's or the operator's.</summary>
public sealed record TicketMessage(string Author, bool FromOperator, string Body, Instant At);
