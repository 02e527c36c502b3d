using System.Net;
using System.Text;
using Centrex.Portal.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Centrex.Portal.Tests;

/// <summary>
/// Review of issue 16: a dial-plan change fell back to the customer record the request had read when the customer was
/// no longer stored, so a change racing the customer's removal could write it back. Removed at the store (nothing in
/// the portal removes a customer: as an operator's tool on the database would), the change answers 404 and the
/// customer stays removed.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class RemovedCustomerChangeTests(PortalServer server)
{
    [Fact]
    public async Task ADialPlanChange_OfACustomerRemovedMeanwhile_Is404_AndDoesNotBringItBack()
    {
        using var me = await TestCustomers.Add(server, "CUST-GONE", "cust-gone");
        var csrf = await me.CsrfAsync();
        Assert.Equal(0, Execute("DELETE FROM accounts WHERE customer_id = 'CUST-GONE'; DELETE FROM customers WHERE id = 'CUST-GONE'; SELECT COUNT(*) FROM customers WHERE id = 'CUST-GONE'"));

        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/dial-plan/abbreviated/55") { Content = new StringContent("""{"dial":""}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-Token", csrf);
        using var answer = await me.Http.SendAsync(request);
        Assert.True(answer.StatusCode == HttpStatusCode.NotFound, $"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        Assert.Equal(0, Execute("SELECT COUNT(*) FROM customers WHERE id = 'CUST-GONE'"));
    }

    private long Execute(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(server.Data, "provisioning.db"), Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
