using System.Globalization;

namespace Centrex.Cli.Tests;

/// <summary>
/// A malformed CDR batch, or one without an idempotency key, is refused whole (400 naming its line and field) by the
/// ingestion API of <c>centrex serve</c>, and nothing of it is applied. The tests share one serve (<see cref="Served"/>;
/// a serve each cost eleven serve starts, a fifth of the CLI tests' time): each posts under idempotency keys, call ids
/// and an account no other test here uses (the malformed cases ACC-M1, ACC-M2..., the spaced ids ACC-1), so none sees
/// another's charges.
/// </summary>
public sealed class RefusedBatchTests(RefusedBatchTests.Served served) : IClassFixture<RefusedBatchTests.Served>
{
    private static int _cases;

    [Theory]
    [InlineData("a,b,c\n", 1, "header")]
    [InlineData("HEADER\nx1,ACC-1,1,5145550000,2026-10-01T00:00:00Z,60\nx2,ACC-1,1,5145550000,2026-10-01T00:00:00Z,sixty\n", 3, "duration")]
    [InlineData("HEADER\nx1,ACC-1,1,5145550000,2026-10-01T00:00:00Z,60\nx2,ACC-1,1,5145550000,2026-10-01 00:00,60\n", 3, "start")]
    [InlineData("HEADER\nx1,ACC-1,1,5145550000,2026-10-01T00:00:00Z,60\nx2,ACC-1,1,abc,2026-10-01T00:00:00Z,60\n", 3, "callee")]
    [InlineData("HEADER\nx1,ACC-1,1,5145550000,2026-10-01T00:00:00Z\n", 2, "column-count")]
    [InlineData("HEADER\nx1,\"ACC-1,1,5145550000,2026-10-01T00:00:00Z,60\n", 2, "quoting")]
    [InlineData("HEADER\nx1,ACC-1,1,5145550000,2026-10-01T00:00:00Z,60\nx\u00002,ACC-1,1,5145550000,2026-10-01T00:00:00Z,60\n", 3, "id")]
    [InlineData("HEADER\nx1,ACC-1,1,5145550000,2026-10-01T00:00:00Z,60\nx2,ACC-1\t,1,5145550000,2026-10-01T00:00:00Z,60\n", 3, "account")]
    [InlineData("HEADER\nx1,ACC-1,1,5145550000,2026-10-01T00:00:00Z,60\nx2,ACC-1,1,5145550000,1969-12-31T23:59:59Z,60\n", 3, "start")]
    public async Task MalformedBatch_Is400WithLineAndField_AndNothingIsApplied(string body, long line, string field)
    {
        // This case's own key, call ids (m7x1, m7x2) and account (ACC-M7): same columns, same lines, same faults.
        var n = Interlocked.Increment(ref _cases).ToString(CultureInfo.InvariantCulture);
        var (key, account) = ("bad-" + n, "ACC-M" + n);
        string Own(string text) => text.Replace("HEADER", served.Sample.Header, StringComparison.Ordinal)
            .Replace("ACC-1", account, StringComparison.Ordinal).Replace("\nx", $"\nm{n}x", StringComparison.Ordinal);
        var (status, json) = await IngestionSample.PostAsync(served.Http, served.Serve.BaseAddress, key, Own(body));

        Assert.Equal(400, status);
        Assert.Equal("malformed-batch", json.GetProperty("error").GetString());
        Assert.Equal(line, json.GetProperty("line").GetInt64());
        Assert.Equal(field, json.GetProperty("field").GetString());
        Assert.Equal(0, await IngestionSample.BalanceAsync(served.Http, served.Serve.BaseAddress, account));

        // The good row before the bad one was not registered either: a corrected batch under the same key charges it.
        var (fixedStatus, fixedJson) = await IngestionSample.PostAsync(served.Http, served.Serve.BaseAddress, key, Own("HEADER\nx1,ACC-1,1,5145550000,2026-10-01T00:00:00Z,60\n"));
        Assert.Equal(200, fixedStatus);
        Assert.Equal("rated", fixedJson.GetProperty("rows")[0].GetProperty("outcome").GetString());
        Assert.NotEqual(0, await IngestionSample.BalanceAsync(served.Http, served.Serve.BaseAddress, account));
    }

    [Fact]
    public async Task IdsThatDifferOnlyBySpaces_RefuseTheBatchAtTheFirst_WithFieldId_AndTheCleanIdIsChargedOnce()
    {
        // Issue 13: ' e4', 'e4 ' and 'e4' were three ids, charged three times.
        const string Call = ",ACC-1,1,5145550000,2026-10-01T00:00:00Z,60";
        var (status, json) = await IngestionSample.PostAsync(served.Http, served.Serve.BaseAddress, "spaces", served.Sample.Body([" e4" + Call, "e4 " + Call, "e4" + Call]));

        Assert.Equal(400, status);
        Assert.Equal("malformed-batch", json.GetProperty("error").GetString());
        Assert.Equal(2, json.GetProperty("line").GetInt64());
        Assert.Equal("id", json.GetProperty("field").GetString());
        Assert.Equal(0, await IngestionSample.BalanceAsync(served.Http, served.Serve.BaseAddress, "ACC-1"));

        var (_, once) = await IngestionSample.PostAsync(served.Http, served.Serve.BaseAddress, "clean", served.Sample.Body(["e4" + Call]));
        var (_, again) = await IngestionSample.PostAsync(served.Http, served.Serve.BaseAddress, "clean-again", served.Sample.Body(["e4" + Call]));
        Assert.Equal("rated", once.GetProperty("rows")[0].GetProperty("outcome").GetString());
        Assert.Equal("duplicate", again.GetProperty("rows")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task MissingKey_Is400()
    {
        var (status, json) = await IngestionSample.PostAsync(served.Http, served.Serve.BaseAddress, null, served.Sample.Body(served.Sample.Rows[..2]));
        Assert.Equal(400, status);
        Assert.Equal("Idempotency-Key", json.GetProperty("field").GetString());
    }

    /// <summary>The generated sample's tariff and one serve over a fresh data directory, shared by the cases.</summary>
    public sealed class Served : IAsyncLifetime
    {
        private readonly TempFolder _data = new();

        internal IngestionSample Sample { get; } = new(rows: 300);

        internal CentrexProcess Serve { get; private set; } = null!;

        internal HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

        public async Task InitializeAsync() => Serve = await CentrexProcess.ServeAsync(_data.Path, Sample.Tariff);

        public Task DisposeAsync()
        {
            Serve?.Dispose();
            Http.Dispose();
            _data.Dispose();
            Sample.Dispose();
            return Task.CompletedTask;
        }
    }
}
