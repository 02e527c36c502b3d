using System.Net;
using System.Text;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Review of issue 16: a dial-plan change fell back to the customer record the request had read when the customer was
/// no longer stored, so a change racing the customer's removal could write it back. Removed at the store (nothing in
/// the portal removes a customer: as an operator's tool on the database would), the change answers 404 (or 401 once the
/// portal has seen the removal: the session ends) and the customer stays removed.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class RemovedCustomerChangeTests(PortalServer server)
{
    [Fact]
    public async Task ADialPlanChange_OfACustomerRemovedMeanwhile_Is404_AndDoesNotBringItBack()
    {
        using var me = await TestCustomers.Add(server, "CUST-GONE", "cust-gone");
        var csrf = await me.CsrfAsync();
        Assert.Equal(0, ProvisioningSql.Execute(server.Data, "DELETE FROM accounts WHERE customer_id = 'CUST-GONE'; DELETE FROM customers WHERE id = 'CUST-GONE'; SELECT COUNT(*) FROM customers WHERE id = 'CUST-GONE'"));

        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/dial-plan/abbreviated/55") { Content = new StringContent("""{"dial":""}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-Token", csrf);
        using var answer = await me.Http.SendAsync(request);
        // 404 from the change itself, or 401 when the portal has seen the removal first (the session ends then:
        // RemovedCustomerSessionTests); never a change made.
        Assert.True(answer.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized, $"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        Assert.Equal(0, ProvisioningSql.Execute(server.Data, "SELECT COUNT(*) FROM customers WHERE id = 'CUST-GONE'"));
    }
}
