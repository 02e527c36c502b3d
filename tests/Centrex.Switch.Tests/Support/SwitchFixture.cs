using System.Net;
using System.Security.Cryptography.X509Certificates;
using Centrex.Switch.Calls;
using Centrex.Switch.Clock;
using Centrex.Switch.Provisioning;
using Centrex.Switch.Registration;
using Centrex.Switch.Transport;
using NodaTime;

namespace Centrex.Switch.Tests.Support;

/// <summary>
/// A switch on 127.0.0.1 with a free port, a manual clock and a directory of test accounts; its authentication failure
/// lines go to <see cref="AuthLog"/>. Two partitions unless told otherwise, so the tests run the partitioned pipeline,
/// and one UDP reader, so a test's messages reach the router in the order sent (<see cref="Flows.Sync"/>); one
/// partition keeps the order in which they are handled too.
/// </summary>
internal sealed class SwitchFixture : IAsyncDisposable
{
    public const string Realm = "centrex.test";
    public const string Password = "secret";

    private readonly StringWriter _authText = new();
    private readonly TextWriter _authLog;

    public SwitchFixture(CallHooks? hooks = null, IPEndPoint? trunk = null, string algorithms = "\"SHA-256\", \"MD5\"", bool realTime = false,
        SipAuthLimits? authLimits = null, int? partitions = null, string? directoryJson = null, bool tls = false, TcpLimits? tcpLimits = null,
        SwitchOptions? options = null)
    {
        _authLog = TextWriter.Synchronized(_authText);
        Clock = new ManualSwitchClock(Instant.FromUtc(2026, 11, 22, 9, 0));
        Cdrs = new CollectingCdrs();
        Directory = JsonSwitchDirectory.Parse(directoryJson ?? DirectoryJson(trunk ?? new IPEndPoint(IPAddress.Loopback, 9), algorithms), "test");
        Live = new LiveSwitchDirectory(Directory);
        Switch = SipSwitch.Start(new SipSwitchSettings(new IPEndPoint(IPAddress.Loopback, 0), Live)
        {
            Clock = realTime ? SystemSwitchClock.Instance : Clock,
            Hooks = hooks ?? new CallHooks(PassThroughHooks.Instance, PassThroughHooks.Instance, PassThroughHooks.Instance, Cdrs),
            AuthLimits = authLimits ?? new SipAuthLimits(),
            Partitions = partitions ?? 2,
            UdpReaders = 1,
            AuthLog = _authLog,
            Tls = tls ? new SipTlsSettings(new IPEndPoint(IPAddress.Loopback, 0), Certificate) : null,
            TcpLimits = tcpLimits ?? TcpLimits.Default,
            Options = options ?? new SwitchOptions { ForwardToLoopback = true }, // every test phone is on 127.0.0.1
        });
    }

    /// <summary>The switch's TLS certificate (self-signed, made for this fixture), used when it was started with TLS.</summary>
    public X509Certificate2 Certificate => _certificate.Value;

    private readonly Lazy<X509Certificate2> _certificate = new(() => TestCertificates.SelfSigned());

    public ManualSwitchClock Clock { get; }

    /// <summary>The authentication failure lines written so far (the switch writes them under its lock).</summary>
    public string[] AuthLog
    {
        get
        {
            lock (_authLog) // the synchronized writer's own lock: partitions and the router write through it
            {
                return _authText.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }
    }

    public CollectingCdrs Cdrs { get; }

    /// <summary>The directory the switch started with.</summary>
    public JsonSwitchDirectory Directory { get; }

    /// <summary>What the switch reads (as <c>serve</c> runs it): <see cref="Directory"/> until a test replaces it.</summary>
    public LiveSwitchDirectory Live { get; }

    public SipSwitch Switch { get; }

    public IPEndPoint Endpoint => Switch.UdpEndpoint;

    public static string DirectoryJson(IPEndPoint trunk, string algorithms = "\"SHA-256\", \"MD5\"")
    {
        string Account(string id, string ext, string site = "hq") =>
            $$"""{ "id": "{{id}}", "customer": "acme", "site": "{{site}}", "extension": "{{ext}}", "username": "{{id}}", "ha1Md5": "{{DigestAuthenticator.Ha1(false, id, Realm, Password)}}", "ha1Sha256": "{{DigestAuthenticator.Ha1(true, id, Realm, Password)}}", "type": "credit" }""";
        return $$"""
        {
          "realm": "{{Realm}}",
          "digestAlgorithms": [{{algorithms}}],
          "sites": [ { "id": "hq", "name": "Head office", "maxCalls": 30 } ],
          "trunks": [ { "id": "pstn", "address": "{{trunk}}", "sources": ["{{trunk}}"] } ],
          "customers": [ { "id": "acme", "dialingRules": "north-america", "trunk": "pstn", "abbreviated": { "188": "16045550102", "911": "" } } ],
          "accounts": [ {{Account("16045550101", "101")}}, {{Account("16045550102", "102")}}, {{Account("16045550103", "103", "default")}} ],
          "dids": [ { "number": "16045550100", "account": "16045550102" } ]
        }
        """;
    }

    public ValueTask DisposeAsync() => Switch.DisposeAsync();
}
