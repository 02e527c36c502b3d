using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Request bodies (review 16, item 2): every JSON and form route takes 64 KiB and answers a larger body 413 with the
/// reason, whether its length is declared or it comes chunked; the routes that take files take theirs (a tariff, a WAV);
/// and a refused value is echoed cut short, never whole.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class RequestBodyLimitTests(PortalServer server)
{
    private const int OverLimit = (64 << 10) + 1;

    [Fact]
    public async Task AJsonChange_OverItsLimit_Is413_DeclaredOrChunked()
    {
        var key = await ApiKeys.CreateForCustomer(server, "CUST-QC", "me:write");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var json = $$"""{"mode":"simple","targets":[{"number":"+15145550100"}],"pad":"{{new string('x', OverLimit)}}"}""";

        using var declared = await Put(http, key, new StringContent(json, Encoding.UTF8, "application/json"));
        using var chunked = await Put(http, key, new ChunkedContent(Encoding.UTF8.GetBytes(json)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });

        foreach (var answer in new[] { declared, chunked })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
            var error = await answer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("the request body is larger than this route takes (64 KiB)", error.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task ALongValue_IsEchoedCutShort()
    {
        var key = await ApiKeys.CreateForCustomer(server, "CUST-QC", "me:write");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var number = new string('1', 60_000);

        using var answer = await Put(http, key, new StringContent($$"""{"mode":"simple","targets":[{"number":"{{number}}"}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(text.Length < 1024, $"a {text.Length}-character answer");
        var message = JsonDocument.Parse(text).RootElement.GetProperty("message").GetString()!;
        Assert.Contains($"'{number[..64]}…' is not a phone number", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLoginPage_OverItsLimit_Is413()
    {
        using var client = new PortalClient(server.BaseAddress);
        var token = await client.FormTokenAsync("/account/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Login"] = "cust-qc", ["Password"] = new string('p', OverLimit), ["__RequestVerificationToken"] = token,
        });

        using var answer = await client.Http.PostAsync("/account/login", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Contains("the request body is larger than this route takes (64 KiB)", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheUploadRoutes_TakeMoreThanAForm()
    {
        // A tariff of 140 KB (the demo's) is uploaded and previewed by the operator's route (32 MiB).
        var operatorKey = await ApiKeys.Create(server, "tariffs:write");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var tariff = await File.ReadAllBytesAsync(Path.Combine(server.Data, "demo", "tariff.csv"));
        Assert.True(tariff.Length > OverLimit);
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/v1/operator/tariffs?name=big.csv") { Content = new ByteArrayContent(tariff) };
        upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", operatorKey);
        using var uploaded = await http.SendAsync(upload);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);

        // A 2-second WAV of 128 KB is music on hold (10 MiB and its form); it is deleted again.
        var key = await ApiKeys.CreateForCustomer(server, "CUST-QC", "me:write");
        using var form = new MultipartFormDataContent();
        var wav = Wav(32_000, 2);
        Assert.True(wav.Length > OverLimit);
        form.Add(new ByteArrayContent(wav) { Headers = { ContentType = new MediaTypeHeaderValue("audio/wav") } }, "file", "limit.wav");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/v1/me/music-on-hold") { Content = form };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var music = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Created, music.StatusCode);
        var id = (await music.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var deleted = await ApiKeys.Send(http, HttpMethod.Delete, $"/api/v1/me/music-on-hold/{id}", key);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    private static async Task<HttpResponseMessage> Put(HttpClient http, string key, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/lines/ACC-1001/forwarding") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await http.SendAsync(request);
    }

    // 16-bit mono PCM of a tone.
    private static byte[] Wav(int rate, int seconds)
    {
        using var memory = new MemoryStream();
        using (var writer = new NAudio.Wave.WaveFileWriter(memory, new NAudio.Wave.WaveFormat(rate, 16, 1)))
        {
            var samples = new short[rate * seconds];
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / rate));
            }

            writer.WriteSamples(samples, 0, samples.Length);
        }

        return memory.ToArray();
    }

    // A body without a declared length: sent chunked, so only the server's reading can stop it.
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
