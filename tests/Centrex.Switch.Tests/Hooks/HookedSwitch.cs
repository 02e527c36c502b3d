using System.Net;
using Centrex.Switch.Clock;
using Centrex.Switch.Hooks;
using Centrex.Switch.Media;
using Centrex.Switch.Provisioning;
using Centrex.Switch.Registration;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Hooks;

/// <summary>
/// A switch on 127.0.0.1 (free port; system clock unless a manual one is given) wired as <c>centrex serve --tariff</c>
/// wires it: the hooks from <see cref="SwitchHooksFactory"/> over the test tariff and a real ledger in a temp folder.
/// Site <c>hq</c> (Head office) allows one outgoing call; 101 and 102 are credit accounts on it, 103 a prepaid account
/// on the Default site. Calls out leave through the trunk <c>pstn</c> at <c>trunk</c> (nowhere when not given).
/// Media is direct unless options are given: the relay's default port range overlaps the ports sipp endpoints are given.
/// </summary>
internal sealed class HookedSwitch : IAsyncDisposable
{
    public const string Caller = "16045550101";
    public const string Callee = "16045550102";
    public const string Prepaid = "16045550103";

    /// <param name="clock">A manual clock, or null for the system clock.</param>
    /// <param name="trunk">Where calls out go.</param>
    /// <param name="media">Relay options (direct media when null).</param>
    /// <param name="ledgerDirectory">The data directory (a temp folder when null).</param>
    /// <param name="directoryJson">The whole directory instead of the one described above, or null.</param>
    /// <param name="callerFraud">The caller's (101's) fraud controls in the test directory's form (<c>"maxInternationalCalls": 2</c>...), or null.</param>
    /// <param name="maxOutgoing">Outgoing calls site hq allows at once.</param>
    /// <param name="rater">The rater (with its account rules) instead of <see cref="TestTariff.Rater"/>, or null.</param>
    /// <param name="options">Call-control settings (the defaults when null).</param>
    public HookedSwitch(ManualSwitchClock? clock = null, IPEndPoint? trunk = null, MediaOptions? media = null, string? ledgerDirectory = null,
        string? directoryJson = null, string? callerFraud = null, int maxOutgoing = 1, Centrex.Rating.Rater? rater = null, Centrex.Switch.Calls.SwitchOptions? options = null)
    {
        _fraudLog = TextWriter.Synchronized(_fraudText);
        Directory = JsonSwitchDirectory.Parse(directoryJson ?? DirectoryJson(trunk ?? new IPEndPoint(IPAddress.Loopback, 9), callerFraud, maxOutgoing), "hooked-switch");
        Live = new LiveSwitchDirectory(Directory);
        Ledger = new LedgerFolder(ledgerDirectory);
        Hooks = SwitchHooksFactory.Create(Live, rater ?? TestTariff.Rater, Ledger.Store, Ledger.Writer, Ledger.DataDirectory,
            media?.Mode ?? MediaMode.Direct, media, fraudLog: _fraudLog);
        Switch = SipSwitch.Start(new SipSwitchSettings(new IPEndPoint(IPAddress.Loopback, 0), Live)
        {
            Hooks = Hooks.Hooks,
            Clock = clock is null ? SystemSwitchClock.Instance : clock,
            Partitions = 2,
            UdpReaders = 1, // messages reach the router in the order sent (Flows.Sync)
            Options = options ?? new Centrex.Switch.Calls.SwitchOptions(),
        });
    }

    public JsonSwitchDirectory Directory { get; }

    /// <summary>What the switch and its hooks read (as <c>serve</c> runs them): <see cref="Directory"/> until a test replaces it.</summary>
    public LiveSwitchDirectory Live { get; }

    private readonly StringWriter _fraudText = new();
    private readonly TextWriter _fraudLog;

    /// <summary>The fraud-control log's lines so far.</summary>
    public string[] FraudLog
    {
        get
        {
            lock (_fraudLog) // the synchronized writer's own lock: partitions write through it
            {
                return _fraudText.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
        }
    }

    public LedgerFolder Ledger { get; }

    public SwitchHooks Hooks { get; }

    public SipSwitch Switch { get; }

    public IPEndPoint Endpoint => Switch.UdpEndpoint;

    /// <summary>Waits (bounded) until every CDR emitted so far is stored and charged.</summary>
    public void WaitForCdrs(CancellationToken cancellation)
    {
        var ticket = Hooks.Cdrs.LastTicket;
        if (ticket >= 0)
        {
            Hooks.Sink.WaitForCommit(ticket, cancellation);
        }
    }

    private static string DirectoryJson(IPEndPoint trunk, string? callerFraud, int maxOutgoing)
    {
        static string Account(string id, string ext, string site, string type, string? fraud = null) =>
            $$"""{ "id": "{{id}}", "customer": "acme", "site": "{{site}}", "extension": "{{ext}}", "username": "{{id}}", "ha1Md5": "{{DigestAuthenticator.Ha1(false, id, SwitchFixture.Realm, SwitchFixture.Password)}}", "ha1Sha256": "{{DigestAuthenticator.Ha1(true, id, SwitchFixture.Realm, SwitchFixture.Password)}}", "type": "{{type}}" {{(fraud is null ? "" : $", \"fraud\": {{ {fraud} }}")}} }""";
        return $$"""
        {
          "realm": "{{SwitchFixture.Realm}}",
          "digestAlgorithms": ["MD5", "SHA-256"],
          "sites": [ { "id": "hq", "name": "Head office", "maxOutgoing": {{maxOutgoing}} } ],
          "trunks": [ { "id": "pstn", "address": "{{trunk}}", "sources": ["{{trunk}}"] } ],
          "customers": [ { "id": "acme", "dialingRules": "north-america", "trunk": "pstn" } ],
          "accounts": [ {{Account(Caller, "101", "hq", "credit", callerFraud)}}, {{Account(Callee, "102", "hq", "credit")}}, {{Account(Prepaid, "103", "default", "debit")}} ]
        }
        """;
    }

    public async ValueTask DisposeAsync()
    {
        await Switch.DisposeAsync();
        Hooks.Dispose();
        Ledger.Dispose();
    }
}
