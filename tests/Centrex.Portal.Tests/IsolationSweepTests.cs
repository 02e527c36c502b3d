using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Tests.Support;
using NAudio.Wave;

namespace Centrex.Portal.Tests;

/// <summary>
/// Issue 16's isolation sweep: one customer (CUST-AB) tries every customer-scoped API route, read from the served OpenAPI
/// document's <c>/api/v1/me</c> paths (a new route without a probe here fails the test), and the customer pages'
/// handlers that take an id, with another customer's (CUST-US's) lines, invoices, tickets, hunt group, music and
/// abbreviated code, API key, with bodies that would be accepted for its own ids, and gets 404 or 403 (or, for an id in a
/// query or form field, a refusal naming it), never the other customer's data; and nothing of the other customer
/// changes. The API sweep runs twice: with the attacker's session, and with an API key bound to the attacker.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class IsolationSweepTests(PortalServer server)
{
    private const string Attacker = "cust-ab";
    private const string Victim = "cust-us";

    /// <summary>What the victim owns, and text only its data holds.</summary>
    private sealed record VictimIds(string Line, long Invoice, long Ticket, long TicketNumber, string Group, string Music, string Code, string Did, string Key, IReadOnlyList<string> Markers);

    [Fact]
    public Task EveryCustomerApiRoute_WithAnotherCustomersIds_Is404Or403_NeverData() => Sweep(byKey: false);

    /// <summary>The same sweep with the attacker's own customer API key (me:read and me:write) instead of its session.</summary>
    [Fact]
    public Task EveryCustomerApiRoute_WithACustomerKey_AndAnotherCustomersIds_Is404Or403_NeverData() => Sweep(byKey: true);

    private async Task Sweep(bool byKey)
    {
        using var victim = await Sessions.SignedIn(server, Victim);
        var ids = await Prepare(victim);
        var before = await Snapshot(victim, ids);
        using var attacker = byKey ? new PortalClient(server.BaseAddress) : await Sessions.SignedIn(server, Attacker);
        var key = byKey ? await ApiKeys.CreateForCustomer(server, "CUST-AB", "me:read", "me:write") : null;
        var csrf = byKey ? null : await attacker.CsrfAsync();

        var document = await victim.Http.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        var routes = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/v1/me", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToList();
        var probes = Probes(ids);
        Assert.True(routes.Count >= 30, string.Join("\n", routes));
        var uncovered = routes.Except(probes.Keys).ToList();
        Assert.True(uncovered.Count == 0, "customer routes without an isolation probe (add one to IsolationSweepTests.Probes): " + string.Join(", ", uncovered));

        var failures = new List<string>();
        foreach (var route in routes)
        {
            var probe = probes[route];
            using var request = new HttpRequestMessage(new HttpMethod(route[..route.IndexOf(' ')]), probe.Path) { Content = probe.Body?.Invoke() };
            var sent = probe.Path + (request.Content is { } content ? await content.ReadAsStringAsync() : string.Empty);
            if (key is null)
            {
                request.Headers.Add("X-CSRF-Token", csrf);
            }
            else
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }

            using var response = await attacker.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (!probe.Allowed.Contains(status))
            {
                failures.Add($"{route} as {probe.Path}: {status} (expected {string.Join("/", probe.Allowed)}) {body[..Math.Min(body.Length, 200)]}");
            }

            // A refusal may quote what was sent (e.g. "'ACC-1006' is not one of your lines"); an answer with data may not.
            if (ids.Markers.FirstOrDefault(m => body.Contains(m, StringComparison.Ordinal) && (status < 300 || !sent.Contains(m, StringComparison.Ordinal))) is { } leaked)
            {
                failures.Add($"{route} as {probe.Path}: the answer holds the other customer's '{leaked}'");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await Snapshot(victim, ids));
    }

    [Fact]
    public async Task EveryCustomerPageHandler_WithAnotherCustomersIds_IsRefused_AndChangesNothing()
    {
        using var victim = await Sessions.SignedIn(server, Victim);
        var ids = await Prepare(victim);
        var before = await Snapshot(victim, ids);
        // ACC-1004 is CUST-BC's prepaid line in the demo: the top-up a payment could be turned to.
        var balance = await Balance(server, "ACC-1004");
        using var attacker = await Sessions.SignedIn(server, Attacker);

        // Pages addressed by the other customer's id: 404, before and after a post with a valid form.
        foreach (var path in new[] { $"/customer/lines/{ids.Line}", $"/customer/lines/{ids.Line}/forwarding", $"/customer/huntgroups/{ids.Group}", $"/customer/tickets/{ids.Ticket}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await attacker.Http.GetAsync(path)).StatusCode);
        }

        var token = await attacker.FormTokenAsync("/customer/lines");
        (string Path, string Handler, (string, string)[] Fields)[] posts =
        [
            ($"/customer/lines/{ids.Line}", "Password", [("password", "Stolen-pass-123")]),
            ($"/customer/lines/{ids.Line}/forwarding", "Mode", [("mode", "forward")]),
            ($"/customer/lines/{ids.Line}/forwarding", "Add", [("Form.Number", "+15145550199"), ("Form.Timeout", "20")]),
            ($"/customer/lines/{ids.Line}/forwarding", "Toggle", [("index", "0")]),
            ($"/customer/lines/{ids.Line}/forwarding", "Delete", [("index", "0")]),
            ($"/customer/huntgroups/{ids.Group}", "", [("number", "392"), ("name", "Taken"), ("sequence", "simultaneous")]),
            ($"/customer/huntgroups/{ids.Group}", "Remove", [("extension", "100")]),
            ($"/customer/tickets/{ids.Ticket}", "Reply", [("body", "I can write here")]),
            ($"/customer/tickets/{ids.Ticket}", "Close", []),
        ];
        foreach (var (path, handler, fields) in posts)
        {
            using var response = await Post(attacker, path, handler, token, fields);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{path} {handler}: {response.StatusCode}");
        }

        // Handlers on the customer's own pages that take the other customer's id in a field: refused next to it.
        (string Path, string Handler, (string, string)[] Fields, string Field)[] fieldPosts =
        [
            ("/customer/payments", "", [("amount", "10.00"), ("card", "tok_visa"), ("line", "ACC-1004")], "line"),
            ("/customer/payments", "", [("amount", "10.00"), ("card", "tok_visa"), ("line", ids.Line)], "line"),
            ("/customer/music-on-hold", "Choose", [("id", ids.Music)], "id"),
            ("/customer/music-on-hold", "Delete", [("id", ids.Music)], "id"),
            ("/customer/huntgroups", "Delete", [("id", ids.Group)], "id"),
            ("/customer/abbreviated-dialing", "Delete", [("code", ids.Code)], "code"),
            ("/customer/identity", "", [("line", ids.Line), ("caller_id", ""), ("hide_cli", "always")], "line"),
            ("/customer/extensions", "", [("line", ids.Line), ("extension", "777"), ("name", "Taken")], "line"),
            ("/customer/dids", "", [("did", ids.Did), ("line", ids.Line)], "did"),
        ];
        foreach (var (path, handler, fields, field) in fieldPosts)
        {
            using var response = await Post(attacker, path, handler, await attacker.FormTokenAsync(path), fields);
            var html = await response.Content.ReadAsStringAsync();
            var refused = response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.OK && html.Contains("class=\"field-error\"", StringComparison.Ordinal));
            Assert.True(refused, $"{path} {handler} with the other customer's {field}: {response.StatusCode} {response.Headers.Location}");
            Assert.DoesNotContain(ids.Markers, m => html.Contains(m, StringComparison.Ordinal) && m != ids.Line && m != ids.Did && m != ids.Code && m != ids.Music);
        }

        Assert.Equal(before, await Snapshot(victim, ids));
        Assert.Equal(balance, await Balance(server, "ACC-1004"));
    }

    /// <summary>
    /// Issue 16 review, item 1: the other customer's ids inside the BODY of every write route that takes an id or a
    /// number, on the attacker's own resources: an abbreviated number dialing the victim's line (which rang it), forward
    /// targets (the line's id, a sip: URI to it at the switch), a hunt group's member and no-answer destination, a line's
    /// caller ID (the victim's DID), a DID of the attacker's moved to the victim's line, a payment's top-up line and a
    /// music file. Each is refused with 400 (or 404) naming the field, nothing of it is stored on the attacker's side,
    /// and nothing of the victim changes.
    /// </summary>
    [Fact]
    public async Task EveryWriteRoute_WithAnotherCustomersIdsInItsBody_IsRefusedNamingTheField_AndStoresNothing()
    {
        using var victim = await Sessions.SignedIn(server, Victim);
        var ids = await Prepare(victim);
        var before = await Snapshot(victim, ids);
        using var attacker = await Sessions.SignedIn(server, Attacker);
        var csrf = await attacker.CsrfAsync();
        var ownLine = (await attacker.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/lines"))[0].GetProperty("id").GetString()!;
        var ownDids = await attacker.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/dids");
        var victimDid = ids.Did.TrimStart('+');
        var sip = server.SipUdp;

        (string Method, string Path, string Json, string[] Fields)[] probes =
        [
            ("PUT", "/api/v1/me/dial-plan/abbreviated/57", $$"""{"dial":"{{ids.Line}}"}""", ["dial"]),
            ("PUT", "/api/v1/me/dial-plan/abbreviated/57", $$"""{"dial":"{{new string('9', 50_000)}}"}""", ["dial"]),
            ("PUT", "/api/v1/me/dial-plan/abbreviated/57", $$"""{"number":"{{ids.Line}}"}""", ["number"]), // not a field of the route: never "dial as is"
            ("PUT", $"/api/v1/me/lines/{ownLine}/forwarding", $$"""{"mode":"simple","targets":[{"number":"{{ids.Line}}"}]}""", ["number"]),
            ("PUT", $"/api/v1/me/lines/{ownLine}/forwarding", $$"""{"mode":"advanced","targets":[{"number":"sip:{{ids.Line}}@{{sip}}"}]}""", ["number"]),
            ("PUT", $"/api/v1/me/lines/{ownLine}/forwarding", """{"mode":"advanced","targets":[{"number":"sip:x@169.254.169.254:80"}]}""", ["number"]),
            ("POST", "/api/v1/me/hunt-groups", $$"""{"number":"394","name":"Sweep","members":[{"extension":"{{ids.Line}}"}]}""", ["extension", "members"]),
            ("POST", "/api/v1/me/hunt-groups", $$"""{"number":"394","name":"Sweep","no_answer":"{{ids.Line}}"}""", ["no_answer"]),
            ("POST", "/api/v1/me/hunt-groups", """{"number":"394","name":"Sweep","groups":["391"]}""", ["groups"]),
            ("PUT", $"/api/v1/me/lines/{ownLine}/identity", $$"""{"caller_id":"{{victimDid}}","hide_cli":"never"}""", ["caller_id"]),
            ("POST", "/api/v1/me/payments", $$"""{"amount":"10.00","card":"tok_visa","line":"{{ids.Line}}"}""", ["line"]),
            ("PUT", "/api/v1/me/music-on-hold/chosen", $$"""{"id":"{{ids.Music}}"}""", ["id"]),
        ];
        if (ownDids.GetArrayLength() > 0)
        {
            probes = [.. probes, ("PUT", $"/api/v1/me/dids/{Uri.EscapeDataString(ownDids[0].GetProperty("number").GetString()!)}", $$"""{"line":"{{ids.Line}}"}""", ["line"])];
        }

        var failures = new List<string>();
        foreach (var (method, path, json, fields) in probes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-CSRF-Token", csrf);
            using var response = await attacker.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var shown = json.Length > 120 ? json[..120] + "…" : json;
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                continue; // the other customer's id looked up as missing: refused, and named by the route
            }

            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{method} {path} {shown}: {(int)response.StatusCode} (expected 400 naming {string.Join("/", fields)}) {body[..Math.Min(body.Length, 200)]}");
                continue;
            }

            var field = JsonDocument.Parse(body).RootElement.TryGetProperty("field", out var f) ? f.GetString() : null;
            if (field is null || !fields.Contains(field))
            {
                failures.Add($"{method} {path} {shown}: 400 names field '{field}', not {string.Join("/", fields)}: {body[..Math.Min(body.Length, 200)]}");
            }

            if (body.Length > 2_000)
            {
                failures.Add($"{method} {path} {shown}: the refusal is {body.Length} bytes: it echoes what was sent");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var mine = string.Join("\n", await Task.WhenAll(new[] { "/api/v1/me/dial-plan", $"/api/v1/me/lines/{ownLine}/forwarding", "/api/v1/me/hunt-groups", "/api/v1/me/identity" }
            .Select(p => attacker.Http.GetStringAsync(p))));
        Assert.DoesNotContain(ids.Line, mine, StringComparison.Ordinal);
        Assert.DoesNotContain("169.254", mine, StringComparison.Ordinal);
        Assert.Equal(before, await Snapshot(victim, ids));
    }

    private sealed record Probe(string Path, int[] Allowed, Func<HttpContent?>? Body = null);

    private static Dictionary<string, Probe> Probes(VictimIds v)
    {
        int[] missing = [404, 403];
        int[] listed = [200];
        int[] refused = [400, 404, 403];
        static Func<HttpContent?> Json(object body) => () => JsonContent.Create(body);
        return new(StringComparer.Ordinal)
        {
            ["GET /api/v1/me/calls"] = new($"/api/v1/me/calls?line={v.Line}", refused),
            ["GET /api/v1/me/calls.csv"] = new($"/api/v1/me/calls.csv?line={v.Line}", refused),
            ["GET /api/v1/me/dial-plan"] = new("/api/v1/me/dial-plan", listed),
            ["PUT /api/v1/me/dial-plan/abbreviated/{code}"] = new($"/api/v1/me/dial-plan/abbreviated/{v.Code}", [204, 200, 400], Json(new { dial = "5145550123" })),
            ["DELETE /api/v1/me/dial-plan/abbreviated/{code}"] = new($"/api/v1/me/dial-plan/abbreviated/{v.Code}", [204, 404]),
            ["PUT /api/v1/me/dial-plan/abbreviated-length"] = new("/api/v1/me/dial-plan/abbreviated-length", [204, 400], Json(new { abbreviated_length = (int?)null })),
            ["PUT /api/v1/me/dial-plan/rules"] = new("/api/v1/me/dial-plan/rules", [204, 200, 400], Json(new { dialing_rules = (string?)null })),
            ["GET /api/v1/me/dids"] = new("/api/v1/me/dids", listed),
            ["PUT /api/v1/me/dids/{number}"] = new($"/api/v1/me/dids/{Uri.EscapeDataString(v.Did)}", missing, Json(new { line = v.Line })),
            ["GET /api/v1/me/discounts"] = new("/api/v1/me/discounts", listed),
            ["GET /api/v1/me/hunt-groups"] = new("/api/v1/me/hunt-groups", listed),
            ["POST /api/v1/me/hunt-groups"] = new("/api/v1/me/hunt-groups", refused, Json(new { number = "393", name = "Taken", groups = new[] { "391" } })),
            ["PUT /api/v1/me/hunt-groups/{id}"] = new($"/api/v1/me/hunt-groups/{v.Group}", missing, Json(new { number = "392", name = "Taken", sequence = "simultaneous" })),
            ["DELETE /api/v1/me/hunt-groups/{id}"] = new($"/api/v1/me/hunt-groups/{v.Group}", missing),
            ["GET /api/v1/me/identity"] = new("/api/v1/me/identity", listed),
            ["PUT /api/v1/me/lines/{id}/identity"] = new($"/api/v1/me/lines/{v.Line}/identity", missing, Json(new { hide_cli = "always" })),
            ["GET /api/v1/me/incoming-calls"] = new("/api/v1/me/incoming-calls", listed),
            ["PUT /api/v1/me/incoming-calls"] = new("/api/v1/me/incoming-calls", [400], Json(new { pickup_prefix = "not a prefix" })),
            ["GET /api/v1/me/invoices"] = new($"/api/v1/me/invoices?number={v.Invoice}", listed),
            ["GET /api/v1/me/invoices/{number}"] = new($"/api/v1/me/invoices/{v.Invoice}", missing),
            ["GET /api/v1/me/invoices/{number}/pdf"] = new($"/api/v1/me/invoices/{v.Invoice}/pdf", missing),
            ["GET /api/v1/me/invoices/{number}/csv"] = new($"/api/v1/me/invoices/{v.Invoice}/csv", missing),
            ["GET /api/v1/me/lines"] = new("/api/v1/me/lines", listed),
            ["GET /api/v1/me/lines/{id}/forwarding"] = new($"/api/v1/me/lines/{v.Line}/forwarding", missing),
            ["PUT /api/v1/me/lines/{id}/forwarding"] = new($"/api/v1/me/lines/{v.Line}/forwarding", missing, Json(new { mode = "none" })),
            ["PUT /api/v1/me/lines/{id}/extension"] = new($"/api/v1/me/lines/{v.Line}/extension", missing, Json(new { extension = "777", name = "Taken" })),
            ["PUT /api/v1/me/lines/{id}/sip-password"] = new($"/api/v1/me/lines/{v.Line}/sip-password", missing, Json(new { password = "Stolen-pass-123" })),
            ["GET /api/v1/me/music-on-hold"] = new("/api/v1/me/music-on-hold", listed),
            ["POST /api/v1/me/music-on-hold"] = new("/api/v1/me/music-on-hold", [400], () => new StringContent("{}", Encoding.UTF8, "application/json")),
            ["PUT /api/v1/me/music-on-hold/chosen"] = new("/api/v1/me/music-on-hold/chosen", refused, Json(new { id = v.Music })),
            ["DELETE /api/v1/me/music-on-hold/{id}"] = new($"/api/v1/me/music-on-hold/{v.Music}", missing),
            ["GET /api/v1/me/reports/xdr"] = new($"/api/v1/me/reports/xdr?from=2026-10-01&to=2026-10-31&format=csv&line={v.Line}", [200, 400]),
            ["GET /api/v1/me/sites"] = new("/api/v1/me/sites", listed),
            // Another customer's site (CUST-QC's Atelier, which the operator may have made customer-editable): never this customer's to change.
            ["PUT /api/v1/me/sites/{id}"] = new("/api/v1/me/sites/Atelier", missing, Json(new { name = "Taken", max_calls = 0 })),
            ["GET /api/v1/me/subscriptions"] = new("/api/v1/me/subscriptions", listed),
            ["GET /api/v1/me/tickets"] = new("/api/v1/me/tickets", listed),
            ["POST /api/v1/me/tickets"] = new("/api/v1/me/tickets", [400], Json(new { subject = "" })),
            ["GET /api/v1/me/tickets/{id}"] = new($"/api/v1/me/tickets/{v.Ticket}", missing),
            ["POST /api/v1/me/tickets/{id}/close"] = new($"/api/v1/me/tickets/{v.Ticket}/close", missing),
            ["POST /api/v1/me/tickets/{id}/replies"] = new($"/api/v1/me/tickets/{v.Ticket}/replies", missing, Json(new { body = "I can write here" })),
            ["GET /api/v1/me/dashboard"] = new("/api/v1/me/dashboard", listed),
            ["GET /api/v1/me/profile"] = new("/api/v1/me/profile", listed),
            ["PUT /api/v1/me/profile"] = new("/api/v1/me/profile", [400], Json(new { contact = "Taken", email = "not an address" })),
            ["PUT /api/v1/me/profile/language"] = new("/api/v1/me/profile/language", [400, 403], Json(new { language = "xx" })),
            ["PUT /api/v1/me/profile/password"] = new("/api/v1/me/profile/password", [400, 403], Json(new { current = "not-the-password", @new = "x" })),
            ["GET /api/v1/me/api-keys"] = new("/api/v1/me/api-keys", listed),
            ["POST /api/v1/me/api-keys"] = new("/api/v1/me/api-keys", [400, 403], Json(new { name = "", scopes = Array.Empty<string>() })),
            ["DELETE /api/v1/me/api-keys/{id}"] = new($"/api/v1/me/api-keys/{v.Key}", missing),
            ["GET /api/v1/me/transactions"] = new("/api/v1/me/transactions?from=2026-01-01&to=2026-12-31", listed),
            ["GET /api/v1/me/transactions.csv"] = new("/api/v1/me/transactions.csv?from=2020-01-01&to=2026-12-31", listed),
            ["GET /api/v1/me/payments"] = new("/api/v1/me/payments", listed),
            ["POST /api/v1/me/payments"] = new("/api/v1/me/payments", refused, Json(new { amount = "10.00", card = "tok_visa", line = v.Line })),
            ["GET /api/v1/me/payment-info"] = new("/api/v1/me/payment-info", listed),
            ["PUT /api/v1/me/payment-info"] = new("/api/v1/me/payment-info", [400], Json(new { card = "has a space", label = "" })),
            ["DELETE /api/v1/me/payment-info"] = new("/api/v1/me/payment-info", [204]),
        };
    }

    /// <summary>Gives the victim a ticket, a hunt group, a music file and an abbreviated code (idempotently), and reads its ids.</summary>
    private async Task<VictimIds> Prepare(PortalClient victim)
    {
        var csrf = await victim.CsrfAsync();
        async Task<HttpResponseMessage> Send(HttpMethod method, string path, HttpContent? content)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            request.Headers.Add("X-CSRF-Token", csrf);
            return await victim.Http.SendAsync(request);
        }

        const string Subject = "Isolation sweep: private ticket";
        var tickets = await victim.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/tickets");
        if (!tickets.EnumerateArray().Any(t => t.GetProperty("subject").GetString() == Subject))
        {
            Assert.True((await Send(HttpMethod.Post, "/api/v1/me/tickets", JsonContent.Create(new { subject = Subject, body = "only mine" }))).IsSuccessStatusCode);
            tickets = await victim.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/tickets");
        }

        var groups = await victim.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/hunt-groups");
        if (!groups.EnumerateArray().Any(g => g.GetProperty("number").GetString() == "391"))
        {
            var made = await Send(HttpMethod.Post, "/api/v1/me/hunt-groups", JsonContent.Create(new { number = "391", name = "Isolation sweep group" }));
            Assert.True(made.IsSuccessStatusCode, await made.Content.ReadAsStringAsync());
            groups = await victim.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/hunt-groups");
        }

        var music = await victim.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/music-on-hold");
        if (music.GetProperty("files").GetArrayLength() == 0)
        {
            var content = new MultipartFormDataContent();
            var file = new ByteArrayContent(Wav());
            file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
            content.Add(file, "file", "sweep.wav");
            content.Add(new StringContent("Isolation sweep tune"), "name");
            var uploaded = await Send(HttpMethod.Post, "/api/v1/me/music-on-hold", content);
            Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync());
            music = await victim.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/music-on-hold");
        }

        var added = await Send(HttpMethod.Put, "/api/v1/me/dial-plan/abbreviated/87", JsonContent.Create(new { dial = "18005550187" }));
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());

        const string KeyName = "Isolation sweep key";
        var keys = await victim.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/api-keys");
        if (!keys.EnumerateArray().Any(k => k.GetProperty("name").GetString() == KeyName))
        {
            var made = await Send(HttpMethod.Post, "/api/v1/me/api-keys", JsonContent.Create(new { name = KeyName, scopes = new[] { "me:read" } }));
            Assert.True(made.StatusCode == System.Net.HttpStatusCode.Created, await made.Content.ReadAsStringAsync());
            keys = await victim.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/api-keys");
        }

        var keyId = keys.EnumerateArray().First(k => k.GetProperty("name").GetString() == KeyName).GetProperty("id").GetString()!;
        var lines = await victim.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/lines");
        var invoices = await victim.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/invoices?void=true");
        var dids = await victim.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/dids");
        var line = lines[0].GetProperty("id").GetString()!;
        var did = dids.GetArrayLength() > 0 ? dids[0].GetProperty("number").GetString()! : "+13125550100";
        // The victim knows its ticket by its own number; the attacker tries the operator's id, which counts every
        // customer's tickets, so no other customer has as many (review of issue 16, finding 14).
        var ticketNumber = tickets.EnumerateArray().First(t => t.GetProperty("subject").GetString() == Subject).GetProperty("id").GetInt64();
        var ticket = await TicketIds.Of(server, "CUST-US", ticketNumber);
        var group = groups.EnumerateArray().First(g => g.GetProperty("number").GetString() == "391").GetProperty("id").GetString()!;
        var tune = music.GetProperty("files")[0];
        return new VictimIds(line, invoices[0].GetProperty("number").GetInt64(), ticket, ticketNumber, group, tune.GetProperty("id").GetString()!, "87", did, keyId,
            [.. lines.EnumerateArray().Select(l => l.GetProperty("id").GetString()!), Subject, "Isolation sweep group", tune.GetProperty("name").GetString()!,
                tune.GetProperty("id").GetString()!, "18005550187", group, keyId, KeyName]);
    }

    /// <summary>Everything of the victim the probes could touch, as the victim's own API shows it.</summary>
    private static async Task<string> Snapshot(PortalClient victim, VictimIds ids)
    {
        var parts = new List<string>();
        foreach (var path in new[] { "/api/v1/me/lines", $"/api/v1/me/lines/{ids.Line}/forwarding", "/api/v1/me/hunt-groups", "/api/v1/me/music-on-hold", "/api/v1/me/dial-plan",
            "/api/v1/me/dids", "/api/v1/me/identity", "/api/v1/me/incoming-calls", $"/api/v1/me/tickets/{ids.TicketNumber}", $"/api/v1/me/invoices/{ids.Invoice}",
            "/api/v1/me/profile", "/api/v1/me/payment-info", "/api/v1/me/api-keys" })
        {
            parts.Add(path + " " + await victim.Http.GetStringAsync(path));
        }

        return string.Join("\n", parts).Replace("\"registered\":true", "\"registered\":false", StringComparison.Ordinal);
    }

    /// <summary>The line's ledger balance, through the API with the server's key.</summary>
    private static async Task<long> Balance(PortalServer server, string line)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.ApiKey);
        return (await http.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/{line}/balance")).GetProperty("balance_mills").GetInt64();
    }

    private static async Task<HttpResponseMessage> Post(PortalClient client, string path, string handler, string token, (string, string)[] fields)
    {
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).Append(new("__RequestVerificationToken", token));
        return await client.Http.PostAsync(handler.Length == 0 ? path : $"{path}?handler={handler}", new FormUrlEncodedContent(form));
    }

    private static byte[] Wav()
    {
        using var memory = new MemoryStream();
        using (var writer = new WaveFileWriter(memory, new WaveFormat(8000, 16, 1)))
        {
            var samples = new short[8000];
            writer.WriteSamples(samples, 0, samples.Length);
        }

        return memory.ToArray();
    }
}
