using System.Net.Http.Json;
using System.Text.Json;

namespace Centrex.Portal.Tests.Support;

/// <summary>
/// A customer knows its tickets by their number among its own; the operator by the store's id (review of issue 16,
/// finding 14). The operator's id of a customer's ticket, read over the operator's API.
/// </summary>
public static class TicketIds
{
    /// <summary>The store's id of ticket <paramref name="number"/> of <paramref name="customer"/>.</summary>
    public static async Task<long> Of(PortalServer server, string customer, long number)
    {
        ArgumentNullException.ThrowIfNull(server);
        var key = await ApiKeys.Create(server, "tickets:read");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var response = await ApiKeys.Send(http, HttpMethod.Get, $"/api/v1/operator/tickets?customer={Uri.EscapeDataString(customer)}&size=500", key);
        var list = await response.Content.ReadFromJsonAsync<JsonElement>();
        return list.EnumerateArray().Single(t => t.GetProperty("number").GetInt64() == number).GetProperty("id").GetInt64();
    }
}
