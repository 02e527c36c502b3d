using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Tests.Support;
using NAudio.Wave;

namespace Centrex.Portal.Tests;

/// <summary>
/// Music on Hold uploads (issue 16, seed 004): a WAV file uploaded, listed with its length, chosen and deleted; a file
/// that is not WAV, or too large, refused beside the file field with why; files kept 0600 in the customer's own folder
/// of the data directory; another customer's file id 404 on every page handler and route, its file left alone.
/// </summary>
[Collection(PortalCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes: 0600 files, a 0700 folder
public sealed class MusicOnHoldTests(PortalServer server)
{
    [Fact]
    public async Task AWavIsUploaded_Listed_Chosen_AndDeleted_AndOtherFilesAreRefusedSayingWhy()
    {
        using var bc = await Sessions.SignedIn(server, "cust-bc");
        Assert.Contains("No music uploaded yet", await bc.Http.GetStringAsync("/customer/music-on-hold"), StringComparison.Ordinal);

        var text = await Upload(bc, "notes.wav", Encoding.UTF8.GetBytes("these are not the sounds you are looking for"), null);
        Assert.Contains("id=\"file-error\">&#x27;notes.wav&#x27; is not a WAV file", text, StringComparison.Ordinal);
        var large = await Upload(bc, "long.wav", Wav(8000, 11 * 60), null); // 11 minutes of 8 kHz 16-bit: over 10 MB
        Assert.Contains("id=\"file-error\">&#x27;long.wav&#x27; is 10.07 MB: music on hold files are at most 10.00 MB", large, StringComparison.Ordinal);

        var lobby = await Upload(bc, "lobby-loop.wav", Wav(8000, 3), "Lobby");
        Assert.Contains("Lobby uploaded and chosen for your calls on hold.", lobby, StringComparison.Ordinal);
        Assert.Contains("<td>Lobby</td>", lobby, StringComparison.Ordinal);
        Assert.Contains("<td>0:03</td>", lobby, StringComparison.Ordinal);
        Assert.Contains("PCM 8000 Hz 16 bit mono", lobby, StringComparison.Ordinal);
        var jingle = await Upload(bc, "jingle.wav", Wav(16000, 2), "");
        Assert.Contains("jingle uploaded.", jingle, StringComparison.Ordinal); // named after the file; Lobby stays chosen
        Assert.Contains("Chosen for calls on hold: Lobby (not played yet, see above)", jingle, StringComparison.Ordinal);
        // Nothing plays the file yet (no media player in the switch): the page must not claim it is playing.
        Assert.DoesNotContain("Playing", jingle, StringComparison.Ordinal);
        Assert.Contains("The switch does not play music on hold yet", jingle, StringComparison.Ordinal);

        var index = await bc.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/music-on-hold");
        var files = index.GetProperty("files").EnumerateArray().ToList();
        var (lobbyId, jingleId) = (files[0].GetProperty("id").GetString()!, files[1].GetProperty("id").GetString()!);
        Assert.Equal(lobbyId, index.GetProperty("chosen").GetString());
        Assert.Equal(3000, files[0].GetProperty("duration_ms").GetInt64());

        // Stored in the customer's own folder, readable by the owner only.
        var folder = Path.Combine(server.Data, "music-on-hold", "CUST-BC");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, lobbyId + ".wav")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "index.json")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Equal(Wav(8000, 3), await File.ReadAllBytesAsync(Path.Combine(folder, lobbyId + ".wav")));

        var chosen = await BillingPagesTests.Form(bc, "/customer/music-on-hold", "Choose", ("id", jingleId));
        Assert.Contains("jingle is your music on hold.", chosen, StringComparison.Ordinal);
        var deleted = await BillingPagesTests.Form(bc, "/customer/music-on-hold", "Delete", ("id", jingleId));
        Assert.Contains("jingle deleted.", deleted, StringComparison.Ordinal);
        Assert.Contains("Music on hold is off.", deleted, StringComparison.Ordinal); // the chosen file went with it
        Assert.False(File.Exists(Path.Combine(folder, jingleId + ".wav")));
        Assert.Equal(HttpStatusCode.NoContent, (await Send(bc, HttpMethod.Put, "/api/v1/me/music-on-hold/chosen", $$"""{"id":"{{lobbyId}}"}""")).StatusCode);
        Assert.Equal(lobbyId, (await bc.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/music-on-hold")).GetProperty("chosen").GetString());
    }

    [Fact]
    public async Task AnotherCustomersFile_Is404_AndStaysAsItWas()
    {
        using var on = await Sessions.SignedIn(server, "cust-on");
        using var ab = await Sessions.SignedIn(server, "cust-ab");
        using var content = Multipart("hold.wav", Wav(8000, 1), "Dental hold");
        var created = await Send(on, HttpMethod.Post, "/api/v1/me/music-on-hold", content);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.NotFound, (await Send(ab, HttpMethod.Delete, $"/api/v1/me/music-on-hold/{id}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(ab, HttpMethod.Put, "/api/v1/me/music-on-hold/chosen", $$"""{"id":"{{id}}"}""")).StatusCode);
        foreach (var handler in new[] { "Delete", "Choose" })
        {
            var token = await ab.FormTokenAsync("/customer/music-on-hold");
            var post = await ab.Http.PostAsync($"/customer/music-on-hold?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = id, ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        Assert.DoesNotContain("Dental hold", await ab.Http.GetStringAsync("/customer/music-on-hold"), StringComparison.Ordinal);
        Assert.DoesNotContain(id, await ab.Http.GetStringAsync("/api/v1/me/music-on-hold"), StringComparison.Ordinal);
        var mine = await on.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/music-on-hold");
        Assert.Equal(id, mine.GetProperty("chosen").GetString());
        Assert.True(File.Exists(Path.Combine(server.Data, "music-on-hold", "CUST-ON", id + ".wav")));

        // A bad upload through the API names the field, like the page.
        using var bad = Multipart("hold.mp3", [0xFF, 0xFB, 0x90, 0x44, 0, 0, 0, 0], null);
        var refused = await Send(ab, HttpMethod.Post, "/api/v1/me/music-on-hold", bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("file", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task AWavWhoseHeaderDoesNotFitTheFile_IsRefusedNamingTheField()
    {
        var key = await ApiKeys.CreateForCustomer(server, "CUST-BC", "me:write");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var wav = Wav(8000, 1);

        // Review 16, item 13: a data chunk claiming about 2 GB in a file of a few KB was 201, "100 ms".
        var falseData = (byte[])wav.Clone();
        var data = falseData.AsSpan().IndexOf("data"u8);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(falseData.AsSpan(data + 4), 0x7FFF_FFF0);
        var cut = wav[..(wav.Length / 2)];

        var falseAnswer = await Refused(http, key, "false.wav", falseData);
        var cutAnswer = await Refused(http, key, "cut.wav", cut);

        Assert.Equal($"'false.wav' is cut short or its header is false: its \"data\" chunk size says 2,147,483,632 bytes, {wav.Length - data - 8:N0} are left in the file", falseAnswer);
        Assert.Equal($"'cut.wav' is cut short or its header is false: the RIFF size says {wav.Length:N0} bytes, the file has {cut.Length:N0}", cutAnswer);
        using var list = await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/me/music-on-hold", key);
        var files = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("files").EnumerateArray();
        Assert.DoesNotContain(files, f => f.GetProperty("name").GetString() is "false" or "cut");
    }

    private static async Task<string> Refused(HttpClient http, string key, string fileName, byte[] bytes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/me/music-on-hold") { Content = Multipart(fileName, bytes, null) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var answer = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var error = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("file", error.GetProperty("field").GetString());
        return error.GetProperty("message").GetString()!;
    }

    // A WAV of a 440 Hz tone: 16-bit mono PCM at the rate given.
    private static byte[] Wav(int rate, int seconds)
    {
        using var memory = new MemoryStream();
        using (var writer = new WaveFileWriter(memory, new WaveFormat(rate, 16, 1)))
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

    private static MultipartFormDataContent Multipart(string fileName, byte[] bytes, string? name)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        content.Add(file, "file", fileName);
        if (name is not null)
        {
            content.Add(new StringContent(name), "name");
        }

        return content;
    }

    // The page's upload form, as the browser posts it (multipart with the form's anti-forgery token).
    private static async Task<string> Upload(PortalClient client, string fileName, byte[] bytes, string? name)
    {
        var token = await client.FormTokenAsync("/customer/music-on-hold");
        using var content = Multipart(fileName, bytes, name ?? string.Empty);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await client.Http.PostAsync("/customer/music-on-hold", content);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return await client.Http.GetStringAsync("/customer/music-on-hold");
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> Send(PortalClient client, HttpMethod method, string path, object? body)
    {
        var csrf = await client.CsrfAsync();
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body switch { HttpContent c => c, string json => new StringContent(json, Encoding.UTF8, "application/json"), _ => null },
        };
        request.Headers.Add("X-CSRF-Token", csrf);
        return await client.Http.SendAsync(request);
    }
}
