using System.Net;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Review of issue 16, finding 13: tariffs uploaded and never activated are not kept for ever. At most ten wait at once
/// (the oldest goes first), and one older than a day is deleted at the next upload.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PendingTariffTests(PortalServer server)
{
    [Fact]
    public async Task AtMostTenUploadsWait_AndOneOlderThanADay_IsDeletedAtTheNextUpload()
    {
        var key = await ApiKeys.Create(server, "tariffs:write");
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var tariff = await File.ReadAllTextAsync(Path.Combine(server.Data, "demo", "tariff.csv"));
        var folder = Path.Combine(server.Data, "tariffs");
        for (var i = 0; i < 12; i++)
        {
            await Upload(http, key, tariff);
            Assert.True(Pending(folder).Length <= 10, $"{Pending(folder).Length} uploads wait after {i + 1}");
        }

        Assert.Equal(10, Pending(folder).Length);
        var oldest = Pending(folder).OrderBy(File.GetLastWriteTimeUtc).First();
        File.SetLastWriteTimeUtc(oldest, DateTime.UtcNow.AddDays(-2));
        var second = Pending(folder).OrderBy(File.GetLastWriteTimeUtc).Skip(1).First();
        File.SetLastWriteTimeUtc(second, DateTime.UtcNow.AddHours(-25));
        await Upload(http, key, tariff);
        Assert.False(File.Exists(oldest));
        Assert.False(File.Exists(second));
        Assert.Equal(9, Pending(folder).Length);
    }

    private static string[] Pending(string folder) => Directory.GetFiles(folder, "pending-*.csv");

    private static async Task Upload(HttpClient http, string key, string tariff)
    {
        using var response = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/tariffs?name=tariff.csv", key, tariff, "text/csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
