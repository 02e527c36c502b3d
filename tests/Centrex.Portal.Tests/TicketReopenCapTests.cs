using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Data.Tickets;
using Centrex.Portal.Tests.Support;
using NodaTime;

namespace Centrex.Portal.Tests;

/// <summary>
/// Review of issue 16: a customer's reply to a resolved ticket puts it back to <c>new</c>, so replying to closed tickets
/// took a customer past the 20-open cap <see cref="TicketStore.Create"/> keeps (20 made, closed, 3 more opened, the 20
/// replied to: 23 open). A reply that would reopen one beyond the cap is refused like a 21st ticket (409
/// <c>too-many-tickets</c>), in the same UPDATE, so replies sent at once cannot pass it together; a reply to a ticket
/// still open is taken, and the operator's answers are not capped.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class TicketReopenCapTests(PortalServer server)
{
    [Fact]
    public async Task ACustomersReply_DoesNotReopenAResolvedTicket_BeyondTwentyOpen()
    {
        using var me = await TestCustomers.Add(server, "CUST-TREO", "cust-treo");
        for (var i = 1; i <= 20; i++)
        {
            using var created = await TicketLimitsTests.Unthrottled(() => TicketLimitsTests.Post(me, "/api/v1/me/tickets", new { subject = $"Ticket {i}", body = "x" }));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            using var closed = await TicketLimitsTests.Unthrottled(() => TicketLimitsTests.Post(me, $"/api/v1/me/tickets/{i}/close", new { }));
            Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        }

        using var fresh = await TicketLimitsTests.Unthrottled(() => TicketLimitsTests.Post(me, "/api/v1/me/tickets", new { subject = "Open one", body = "x" }));
        Assert.Equal(HttpStatusCode.Created, fresh.StatusCode); // number 21: 1 open
        for (var i = 1; i <= 19; i++)
        {
            using var reopened = await TicketLimitsTests.Unthrottled(() => TicketLimitsTests.Post(me, $"/api/v1/me/tickets/{i}/replies", new { body = "again" }));
            Assert.Equal(HttpStatusCode.NoContent, reopened.StatusCode);
        }

        using var refused = await TicketLimitsTests.Unthrottled(() => TicketLimitsTests.Post(me, "/api/v1/me/tickets/20/replies", new { body = "one too many" }));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var error = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("too-many-tickets", error.GetProperty("error").GetString());
        Assert.Contains("at most 20 tickets open at once", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        var twenty = await me.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/tickets/20");
        Assert.Equal("resolved", twenty.GetProperty("ticket").GetProperty("status").GetString());
        Assert.Equal(1, twenty.GetProperty("messages").GetArrayLength()); // the refused reply is not kept

        // A reply to a ticket still open changes no count: taken.
        using var stillOpen = await TicketLimitsTests.Unthrottled(() => TicketLimitsTests.Post(me, "/api/v1/me/tickets/21/replies", new { body = "more" }));
        Assert.Equal(HttpStatusCode.NoContent, stillOpen.StatusCode);
        var open = (await me.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/tickets?size=50")).EnumerateArray().Count(t => t.GetProperty("status").GetString() != "resolved");
        Assert.Equal(20, open);
    }

    [Fact]
    public void RepliesSentAtOnce_ReopenOnlyUpToTheCap_AndTheOperatorsAnswerIsNotCapped()
    {
        var directory = Directory.CreateTempSubdirectory("centrex-tickets-").FullName;
        try
        {
            var store = new TicketStore(directory);
            var now = SystemClock.Instance.GetCurrentInstant();
            for (var i = 1; i <= 20; i++)
            {
                Assert.Equal(i, store.Create("C1", "c1", $"Closed {i}", "x", now));
                Assert.True(store.Close(i, "C1", now));
            }

            for (var i = 0; i < 18; i++)
            {
                Assert.NotNull(store.Create("C1", "c1", $"Open {i}", "x", now));
            }

            // 18 open, 20 resolved: of 20 replies at once, exactly 2 reopen theirs.
            var answers = new TicketReply[20];
            Parallel.For(1, 21, i => answers[i - 1] = store.Reply(i, "C1", "c1", fromOperator: false, "again", now));
            Assert.Equal(2, answers.Count(a => a == TicketReply.Added));
            Assert.Equal(18, answers.Count(a => a == TicketReply.TooManyOpen));
            Assert.Equal(TicketStore.MaxOpen, store.OpenCount("C1"));

            var refused = Array.IndexOf(answers, TicketReply.TooManyOpen) + 1;
            var id = store.Find(refused, "C1")!.Value.Ticket.Id;
            Assert.Equal(TicketReply.Added, store.Reply(id, null, "operator", fromOperator: true, "we are on it", now));
            Assert.Equal(TicketStore.MaxOpen + 1, store.OpenCount("C1"));
            Assert.Equal(TicketReply.NotFound, store.Reply(999, "C1", "c1", fromOperator: false, "x", now));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
