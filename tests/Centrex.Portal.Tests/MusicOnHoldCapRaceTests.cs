using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;
using NAudio.Wave;

namespace Centrex.Portal.Tests;

/// <summary>
/// Uploads sent at once at the cap of 20 files (issue 16 review, finding 8): each is stored or refused with a 400 naming
/// <c>file</c>, never a 500, and no more than 20 are kept. The cap was counted before the store's lock: 24 at once gave
/// 19 × 201, 4 × 400 and one 500.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class MusicOnHoldCapRaceTests(PortalServer server)
{
    [Fact]
    public async Task UploadsSentAtOnceAtTheCap_AreStoredOrRefusedNamingFile_NeverA500()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var race = await RaceCustomer.Create(server, http, "CUST-MUSIC-RACE", "88");
        var wav = Wav();

        // 18 stored first, then 24 at once across the cap of 20, twice.
        for (var i = 0; i < 18; i++)
        {
            using var stored = await Upload(http, race, wav, $"Tune {i}");
            Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Upload(http, race, wav, $"Race {i}")));
        foreach (var answer in answers)
        {
            Assert.True(answer.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest, $"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
            if (answer.StatusCode == HttpStatusCode.BadRequest)
            {
                var error = await answer.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("file", error.GetProperty("field").GetString());
                Assert.Contains("you have 20 files, the most kept", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(20, (await race.Get(http, "/api/v1/me/music-on-hold")).GetProperty("files").GetArrayLength());
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    private static Task<HttpResponseMessage> Upload(HttpClient http, RaceCustomer race, byte[] wav, string name)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(wav);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        content.Add(file, "file", "tune.wav");
        content.Add(new StringContent(name), "name");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/me/music-on-hold") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", race.CustomerKey);
        return http.SendAsync(request);
    }

    // One second of a 440 Hz tone, 16-bit mono PCM at 8 kHz.
    private static byte[] Wav()
    {
        using var memory = new MemoryStream();
        using (var writer = new WaveFileWriter(memory, new WaveFormat(8000, 16, 1)))
        {
            var samples = new short[8000];
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000));
            }

            writer.WriteSamples(samples, 0, samples.Length);
        }

        return memory.ToArray();
    }
}
