using NodaTime;

namespace Centrex.Portal.Data.Tickets;

/// <summary>A trouble ticket (seed 004, Trouble Tickets: #, Subject, Status, Created, Last Updated, Requestors).</summary>
/// <param name="Id">The store's id, counting every customer's tickets: the operator's only.</param>
/// <param name="Number">Its number among its customer's tickets: the "#" the customer sees and names in its URLs.</param>
/// <param name="CustomerId">Whose.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="Status"><c>new</c>, <c>open</c> or <c>resolved</c>.</param>
/// <param name="Requestor">The login that opened it.</param>
/// <param name="Created">When it was opened.</param>
/// <param name="Updated">When it last changed.</param>
public sealed record Ticket(long Id, long Number, string CustomerId, string Subject, string Status, string Requestor, Instant Created, Instant Updated);
