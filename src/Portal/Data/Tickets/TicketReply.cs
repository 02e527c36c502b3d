namespace Centrex.Portal.Data.Tickets;

/// <summary>What <see cref="TicketStore.Reply"/> did with a reply.</summary>
public enum TicketReply
{
    /// <summary>Added to the ticket.</summary>
    Added,

    /// <summary>No such ticket (of that customer).</summary>
    NotFound,

    /// <summary>The ticket holds <see cref="TicketStore.MaxMessages"/> messages already.</summary>
    Full,

    /// <summary>
    /// The customer's reply would reopen a resolved ticket while <see cref="TicketStore.MaxOpen"/> others are open
    /// (review of issue 16: replying to closed tickets took a customer past the cap).
    /// </summary>
    TooManyOpen,
}
