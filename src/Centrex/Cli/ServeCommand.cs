using System.CommandLine;
using System.Globalization;
using Centrex.Api;
using Centrex.Ingestion;
using Centrex.Ledger;
using Centrex.Monitoring;
using Centrex.Portal;
using Centrex.Portal.Data;
using Centrex.Provisioning;
using Centrex.Provisioning.Access;
using Centrex.Rating;
using Centrex.Rating.Csv;
using Centrex.RatingRun;
using Centrex.Switch;
using Centrex.Switch.Calls;
using Centrex.Switch.Hooks;
using Centrex.Switch.Media;
using Centrex.Switch.Partitions;
using Centrex.Switch.Provisioning;
using Centrex.Switch.Transport;
using Centrex.Switching;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Centrex.Cli;

/// <summary>
/// <c>centrex serve</c>: the long-running service on a data directory. The SIP switch runs when the provisioning store
/// in <c>DATA</c> has accounts with SIP credentials, or from a provisioning JSON file given with <c>--directory</c>
/// (issue 4: one store, one format); the HTTP API (CDR ingestion and balances on the durable ledger) runs when a
/// tariff is given, and for <c>/metrics</c> alone when only <c>--http</c> is (issue 14). Bound addresses are printed on standard output (so callers can ask for port 0);
/// Ctrl+C or SIGTERM stops it cleanly.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var data = DataOption.Create();
        var sip = ServeOptions.Endpoint("--sip", "Address and port for SIP over UDP and TCP (port 0: any free port)", 5060);
        var directory = new Option<string?>("--directory") { Description = "Run the switch from this provisioning JSON file (the format of 'provision import') instead of the store in DATA" };
        var tariff = new Option<string?>("--tariff") { Description = "Tariff CSV that rates ingested CDRs; enables the HTTP API" };
        var tollFree = new Option<string?>("--toll-free") { Description = "Operator's toll-free NPA table instead of the shipped one" };
        var nanp = new Option<string?>("--nanp-international") { Description = "Operator's NANP-international NPA table instead of the shipped one" };
        var http = ServeOptions.Endpoint("--http", "Address of the HTTP listener: the self-care portal and REST API, /metrics, and CDR ingestion and balances with --tariff (port 0 picks a free one). Without --tariff HTTP runs only when this is given", 8080);
        var maxBytes = ServeOptions.MaxBatchBytes();
        var maxRows = ServeOptions.MaxBatchRows();
        var inFlight = new Option<long>("--max-http-bytes-in-flight")
        {
            Description = "Request body bytes the HTTP API holds at once across all requests; past it a batch gets 503 with Retry-After",
            DefaultValueFactory = _ => new IngestionLimits().MaxBytesInFlight,
            CustomParser = OptionParsers.Of(OptionValues.LongBetween(1024, long.MaxValue), "is not a byte count, 1024 or more"),
        };
        var connections = new Option<int>("--max-http-connections")
        {
            Description = "Open HTTP connections at once",
            DefaultValueFactory = _ => new IngestionLimits().MaxConnections,
            CustomParser = OptionParsers.Of(OptionValues.IntBetween(1, 1_000_000), "is not a count from 1 to 1000000"),
        };
        var checkpoints = LedgerSettings.CheckpointEntriesOption();
        var tcp = new SipTcpOptions();
        var tls = TlsListenerOptions.Sip();
        var https = TlsListenerOptions.Https();
        var trustedProxies = ServeOptions.TrustedProxies();

        // Relay by default (issue 4: the media core relays RTP through the switch unless told otherwise), on the SIP
        // address unless that is a wildcard: the address written into SDP must be one the phones can reach.
        var media = new Option<MediaMode>("--media") { Description = "Relay (RTP through the switch, SDP c=/m= rewritten) or Direct (end to end, SDP untouched)", DefaultValueFactory = _ => MediaMode.Relay };
        var mediaAddress = ServeOptions.MediaAddress();
        var mediaPorts = ServeOptions.MediaPorts();
        var rateCap = new TariffRateCap();
        var sipAuth = new SipAuthOptions();
        var sourceRate = ServeOptions.SourceRate();
        var sourceBurst = ServeOptions.SourceBurst();
        var partitions = ServeOptions.Partitions();
        var udpReaders = ServeOptions.UdpReaders();
        var loginBurst = ServeOptions.LoginBurst();
        var loginRate = ServeOptions.LoginRate();
        var changeBurst = ServeOptions.ChangeBurst();
        var changeRate = ServeOptions.ChangeRate();
        var readConcurrency = ServeOptions.ReadConcurrency();
        var command = new Command("serve", "Run the service (SIP switch, CDR ingestion and balance APIs on the durable ledger) until Ctrl+C or SIGTERM.")
        {
            data, sip, directory, tariff, tollFree, nanp, http, maxBytes, maxRows, inFlight, connections, checkpoints, media, mediaAddress, mediaPorts,
        };
        foreach (var option in tcp.All)
        {
            command.Options.Add(option);
        }

        command.Options.Add(sourceRate);
        command.Options.Add(sourceBurst);
        command.Options.Add(partitions);
        command.Options.Add(udpReaders);
        command.Options.Add(loginBurst);
        command.Options.Add(loginRate);
        command.Options.Add(changeBurst);
        command.Options.Add(changeRate);
        command.Options.Add(readConcurrency);

        tls.AddTo(command);
        https.AddTo(command);
        command.Options.Add(trustedProxies);
        sipAuth.AddTo(command);
        rateCap.AddTo(command);
        command.Validators.Add(result =>
        {
            // A batch between the two sizes could never be held: it would get 503 Retry-After for ever.
            var batch = OptionParsers.TryGiven(result, maxBytes, OptionValues.IntBetween(1024, 1 << 30), out var given) ? given : new IngestionLimits().MaxBatchBytes;
            if (OptionParsers.TryGiven(result, inFlight, OptionValues.LongBetween(1024, long.MaxValue), out var budget) && budget < batch)
            {
                result.AddError($"--max-http-bytes-in-flight ({budget}) is less than --max-batch-bytes ({batch}): the largest batch must fit the budget");
            }
        });
        command.SetAction((parse, cancel) => Execute(console, new ServeRequest(
            parse.GetRequiredValue(data), parse.GetValue(tariff), parse.GetValue(tollFree), parse.GetValue(nanp),
            parse.GetRequiredValue(http), new IngestionLimits(parse.GetValue(maxBytes), parse.GetValue(maxRows), parse.GetValue(inFlight), parse.GetValue(connections)), parse.GetValue(checkpoints),
            parse.GetRequiredValue(sip), parse.GetValue(directory), parse.GetValue(media), parse.GetValue(mediaAddress), parse.GetRequiredValue(mediaPorts))
            {
                MaxRatePerMinute = rateCap.Of(parse),
                SipTcp = tcp.Read(parse),
                SipTls = tls.Read(parse),
                Https = https.Read(parse),
                TrustedProxies = parse.GetValue(trustedProxies) ?? [],
                SipAuth = sipAuth.Read(parse),
                HttpGiven = parse.GetResult(http) is { Implicit: false },
                SourceRates = new SourceRateLimits(parse.GetValue(sourceRate), parse.GetValue(sourceBurst)),
                Partitions = parse.GetValue(partitions),
                UdpReaders = parse.GetValue(udpReaders),
                Logins = new Portal.Security.LoginLimits(parse.GetValue(loginBurst), parse.GetValue(loginRate)),
                Changes = new Portal.Security.ChangeLimits(parse.GetValue(changeBurst), parse.GetValue(changeRate)),
                Reads = new Portal.Security.ReadLimits(parse.GetValue(readConcurrency)),
            }, cancel));
        return command;
    }

    private static async Task<int> Execute(CliConsole console, ServeRequest request, CancellationToken action)
    {
        using var signals = new StopSignals(action, console.OwnsProcessConsole);
        var cancel = signals.Token;
        var mediaOptions = MediaSettings.Create(request);
        if (DescriptorBudget.Raise() is { } descriptors
            && DescriptorBudget.Problem(descriptors, request.SipTcp.MaxConnections, request.Limits.MaxConnections,
                mediaOptions.Mode == MediaMode.Relay ? mediaOptions.PortMax - mediaOptions.PortMin + 1 : 0) is { } problem)
        {
            console.Error.WriteLine($"centrex serve: {problem}");
            return ExitCodes.BadInput;
        }

        Rater? rater = null;
        LiveSwitchDirectory? directory = null;
        SipTlsSettings? tls = null;
        HttpsListener? httpsListener = null;
        try
        {
            tls = LoadTls(console, request.SipTls, "phones") is { } sipPair ? new SipTlsSettings(request.SipTls!.Endpoint, sipPair.Certificate, sipPair.Intermediates) : null;
            httpsListener = LoadTls(console, request.Https, "browsers") is { } httpsPair ? new HttpsListener(request.Https!.Endpoint, httpsPair.Certificate, httpsPair.Intermediates) : null;
            // The operator's scheduled tariffs (issue 16) price the calls from their day on; --tariff prices the ones
            // before the first kept (without --tariff, the one in force does, else the first to come). Only the one in
            // force and the future ones must load: an old superseded file that no longer does is skipped, not fatal.
            var scheduled = new TariffStore(request.Data);
            var now = SystemClock.Instance.GetCurrentInstant();
            var initial = request.Tariff ?? TariffScheduleFiles.DefaultPath(scheduled, now);
            rater = initial is null ? null : RaterFiles.Load(initial, request.TollFree, request.NanpInternational, request.MaxRatePerMinute, request.Data);
            if (rater is not null)
            {
                rater.Schedule = TariffScheduleFiles.Load(scheduled, rater, request.MaxRatePerMinute, now, console.Error);
            }

            // Live: the store's changes are swapped in while serving (ProvisioningWatcher); a --directory file is read once.
            directory = SwitchDirectoryLoader.Load(request.Data, request.Directory, console.Error) is { } loaded ? new LiveSwitchDirectory(loaded) : null;
        }
        catch (Exception e) when (e is CsvFormatException or ProvisioningException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"centrex serve: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (SqliteException e)
        {
            console.Error.WriteLine($"centrex serve: the provisioning store in {request.Data} cannot be used: {e.Message}");
            return ExitCodes.Failure;
        }

        if (directory is null && rater is null && !request.HttpGiven && request.Https is null)
        {
            console.Error.WriteLine("centrex serve: nothing to serve: give --tariff for the CDR ingestion API, --http or --https for the self-care portal, and/or provision SIP accounts for the switch (centrex provision import, or --directory FILE)");
            return ExitCodes.BadInput;
        }

        LedgerStore ledger;
        try
        {
            ledger = LedgerStore.Open(request.Data, LedgerSettings.Create(request.CheckpointEntries, request.Data));
        }
        catch (LedgerUnavailableException e)
        {
            console.Error.WriteLine($"centrex serve: {e.Message}");
            return ExitCodes.Failure;
        }

        using (ledger)
        {
            console.Error.WriteLine($"centrex serve: ledger in {ledger.Folder}: {ledger.Recovery}");

            // Ctrl+C and SIGTERM (a service manager's stop) both cancel the action's token (CentrexCli) and mean an
            // orderly stop: drain, commit, checkpoint.
            var metrics = new ServiceMetrics(); // counted from the start, whether or not anything scrapes
            using var writer = new LedgerWriterThread(ledger.Writer, metrics.Committed);
            // One set of volume-discount counters for everything that charges (ingestion and the switch), advanced on
            // the writer thread in charging order, as a file run does (issue 3).
            var discounts = rater is null ? null : RatingDiscounts.Load(request.Data, ledger);
            var serveHttp = rater is not null || request.HttpGiven || request.Https is not null;
            using var keys = serveHttp ? OpenKeys(console, request.Data) : null;
            if (serveHttp && keys is null)
            {
                return ExitCodes.Failure;
            }

            // The self-care portal and REST API (issue 16) on the same listener, over the same ledger and stores.
            using var portalData = serveHttp ? new PortalData(request.Data, ledger, SystemClock.Instance)
            {
                Writer = writer, Discounts = discounts is null ? null : new PortalDiscountUsage(discounts, writer),
            } : null;
            if (portalData is not null && rater is not null)
            {
                TariffScheduleFiles.Follow(portalData.Tariffs, rater, request.MaxRatePerMinute, console.Error, portalData.Clock);
            }

            await using var service = serveHttp
                ? new ServiceHost(keys!, request.Limits, metrics.Registry, rater is null ? null : new ChargingApi(ledger, writer, rater, discounts),
                    new PortalHost(portalData!, ApiKeyAuthentication.SchemeName) { LoginLimits = request.Logins, ChangeLimits = request.Changes, ReadLimits = request.Reads })
                {
                    TrustedProxies = request.TrustedProxies,
                }
                : null;

            // With a tariff the switch admits by site, authorizes by balance and charges its CDRs in real time through
            // the same writer thread; without one it admits by site and stores every CDR unpriced. Declared
            // after the writer so it is disposed first: the CDR sink drains into the ledger before the writer stops.
            using SwitchHookSet? hooks = directory is null ? null
                : rater is not null ? SwitchHooksFactory.Create(directory, rater, ledger, writer, request.Data, mediaOptions.Mode, mediaOptions,
                    adjust: discounts is null ? null : discounts.Apply, fraudLog: console.Error)
                : SwitchHooksFactory.CreateUnrated(directory, request.Data, mediaOptions);
            if (hooks?.Sink is { } cdrStage)
            {
                metrics.Attach(cdrStage);
            }

            SipSwitch? sipSwitch = null;
            ProvisioningWatcher? watcher = null;
            StoreLineSettings? lineSettings = null;
            try
            {
                if (service is not null)
                {
                    // Plain HTTP when asked for, or when HTTPS is not (the default listener of a serve with a tariff).
                    var plain = request.HttpGiven || request.Https is null ? request.Http : null;
                    foreach (var bound in await service.StartAsync(plain, httpsListener, cancel))
                    {
                        console.Out.WriteLine($"centrex serve: {bound.Scheme}://{bound.Authority} ({service.Routes})");
                    }

                    if (keys!.List().All(k => k.Revoked is not null))
                    {
                        console.Error.WriteLine("centrex serve: no API key works yet: every request will get 401 until one is made with 'centrex apikey create'");
                    }
                }

                if (directory is not null)
                {
                    // Star codes (do not disturb, anonymous call rejection) are kept in the store the switch is served
                    // from; a switch served from a JSON file keeps them while it runs.
                    lineSettings = request.Directory is null ? new StoreLineSettings(request.Data, console.Error) : null;
                    sipSwitch = SipSwitch.Start(new SipSwitchSettings(request.Sip, directory)
                    {
                        Options = new SwitchOptions
                        {
                            LineSettings = lineSettings, Flows = FlowNetwork.Services(request.Data, console.Error),
                            // Least-used hunting goes on from each line's last connected call in the CDRs (seed 004).
                            HuntUsage = Centrex.Switch.Cdrs.HuntUsageHistory.Load(request.Data, SystemClock.Instance.GetCurrentInstant()),
                        },
                        Hooks = hooks!.Hooks,
                        TcpLimits = request.SipTcp,
                        Tls = tls,
                        AuthLimits = request.SipAuth,
                        AuthLog = console.Error, // one line per authentication failure (README: "SIP authentication failures")
                        Metrics = metrics.Switch,
                        SourceRates = request.SourceRates,
                        Partitions = request.Partitions,
                        UdpReaders = request.UdpReaders,
                    });
                    metrics.Attach(sipSwitch);
                    if (portalData is not null)
                    {
                        portalData.Switch = new PortalSwitchState(sipSwitch, hooks!);
                    }

                    if (request.Directory is null)
                    {
                        // Before the addresses are printed: once a caller sees them, an import is served live.
                        watcher = ProvisioningWatcher.Start(request.Data, sipSwitch, rater, console.Error);
                        if (portalData is not null)
                        {
                            portalData.SwitchReload = watcher.CheckNow; // the portal's changes reach the switch before its page answers
                        }
                    }

                    console.Out.WriteLine($"sip udp {sipSwitch.UdpEndpoint}");
                    console.Out.WriteLine($"sip tcp {sipSwitch.TcpEndpoint}");
                    if (sipSwitch.TlsEndpoint is { } tlsEndpoint)
                    {
                        console.Out.WriteLine($"sip tls {tlsEndpoint}");
                    }
                }

                console.Out.Flush();
                await Task.Delay(Timeout.Infinite, cancel).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
            {
                console.Error.WriteLine($"centrex serve: cannot listen: {e.Message}");
                return ExitCodes.Failure;
            }
            finally
            {
                if (watcher is not null)
                {
                    await watcher.DisposeAsync(); // first: a reload waits on the switch's partitions
                }

                if (sipSwitch is not null)
                {
                    await sipSwitch.DisposeAsync();
                }

                if (lineSettings is not null)
                {
                    await lineSettings.DisposeAsync(); // after the switch: what its last star codes changed is written
                }

                if (hooks?.Sink is { } sink)
                {
                    sink.Dispose(); // drain: every CDR the switch emitted is stored (and charged) before the summary
                    var c = sink.Counters;
                    console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"centrex serve: switch CDRs: {c.Stored:N0} stored, {c.Charged:N0} charged, {c.Duplicates:N0} duplicate, {c.Unrated:N0} unrated, {c.Uncharged:N0} uncharged, {c.Lost:N0} not stored"));
                }
            }

            // Stop taking requests, drain the switch and the writer thread, then say what is committed: a ledger that
            // failed during the run (or at the final checkpoint) must not end in "everything committed" and exit 0.
            if (service is not null)
            {
                await service.DisposeAsync();
            }

            hooks?.Dispose();
            writer.Dispose();
            if (writer.Fault is { } fault)
            {
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"centrex serve: stopped after a ledger failure: {fault.Message}. Not committed: {writer.NotCommitted:N0} submissions refused since (ingestion batches, answered 503: resend them with the same key; groups of switch CDRs, counted as uncharged); the journal is committed up to address {ledger.CommittedUntil}, and a restart recovers from it"));
                return ExitCodes.Failure;
            }

            console.Error.WriteLine("centrex serve: stopped; every acknowledged batch and call is committed");
            return ExitCodes.Success;
        }
    }

    /// <summary>
    /// The TLS certificate and key of a listener, SIP or HTTPS (checked when parsed; read again here, so a file replaced
    /// since is reported the same way), with a warning for a certificate out of its validity period (its clients will
    /// refuse it, but the rest of serve runs) and for a key file other users can read.
    /// </summary>
    private static (System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate, System.Security.Cryptography.X509Certificates.X509Certificate2Collection Intermediates)?
        LoadTls(CliConsole console, TlsListenerFiles? files, string clients)
    {
        if (files is null)
        {
            return null;
        }

        var pair = TlsCertificateFiles.TryLoad(files.CertificatePath, files.KeyPath, files.CertificateOption, files.KeyOption, out var problem) ?? throw new IOException(problem);
        var now = DateTime.UtcNow;
        if (now < pair.Certificate.NotBefore.ToUniversalTime() || now > pair.Certificate.NotAfter.ToUniversalTime())
        {
            console.Error.WriteLine($"centrex serve: warning: the certificate in {files.CertificateOption} '{files.CertificatePath}' is valid from {pair.Certificate.NotBefore.ToUniversalTime():u} to {pair.Certificate.NotAfter.ToUniversalTime():u} only: {clients} will refuse it");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(files.KeyPath) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
        {
            console.Error.WriteLine($"centrex serve: warning: {files.KeyOption} '{files.KeyPath}' can be read by other users: chmod 600 it");
        }

        return pair;
    }

    /// <summary>The API keys of the data directory, or null (the reason written) when the store cannot be used.</summary>
    private static ApiKeyStore? OpenKeys(CliConsole console, string data)
    {
        try
        {
            return ApiKeyStore.Open(data);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            console.Error.WriteLine($"centrex serve: the API key store in {data} cannot be used: {e.Message}");
            return null;
        }
    }
}
