using NodaTime;

namespace Centrex.Portal.Data.Tickets;

/// <summary>A trouble ticket (seed 004, Trouble Tickets: #, Subject, Status, Created, Last Updated, Requestors).</summary>
public sealed record Ticket(long Id, string CustomerId, string Subject, string Status, string Requestor, Instant Created, Instant Updated);
