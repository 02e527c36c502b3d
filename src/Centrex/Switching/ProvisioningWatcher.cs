using Centrex.Provisioning;
using Centrex.Provisioning.Store;
using Centrex.Switch;
using Microsoft.Data.Sqlite;

namespace Centrex.Switching;

/// <summary>
/// Live provisioning for <c>centrex serve</c> (issue 14): notices that an import (or any other writer) committed to
/// <c>DATA/provisioning.db</c> and gives the running switch the new directory, within <see cref="Interval"/> plus the
/// time to build it. It asks SQLite's <c>PRAGMA data_version</c> on its own connection, which reads no table, so
/// nothing of the store is read until something changed; then it loads the whole store, checks it as an import would,
/// builds the directory on its own thread (off the switch's hot path) and publishes it with
/// <see cref="SipSwitch.ReplaceDirectory"/>. A store that no longer passes the checks (another program wrote it) is
/// reported and not served: the switch keeps the directory it has.
/// </summary>
internal sealed class ProvisioningWatcher : IAsyncDisposable
{
    /// <summary>How often the store's version is read: a change is served within this plus the time to build it.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly ProvisioningStore _store;
    private readonly SipSwitch _switch;
    private readonly Rating.Rater? _rater;
    private readonly TextWriter _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly SemaphoreSlim _nudge = new(0);
    private TaskCompletionSource _checked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _version;

    private ProvisioningWatcher(ProvisioningStore store, SipSwitch sipSwitch, Rating.Rater? rater, TextWriter log)
    {
        _store = store;
        _switch = sipSwitch;
        _rater = rater;
        _log = log;
        _version = store.DataVersion();

        // The directory the switch started with was read before this connection existed, so a commit in between would
        // not change the version seen from here: read the store once now, quietly, and watch from there.
        TryReload(quietly: true);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Starts watching the store of <paramref name="dataDirectory"/> for <paramref name="sipSwitch"/> and, when serve
    /// rates, for <paramref name="rater"/>'s account rules (local calling areas, toll-free inbound rates: issue 17);
    /// changes are reported on <paramref name="log"/>.
    /// </summary>
    public static ProvisioningWatcher Start(string dataDirectory, SipSwitch sipSwitch, Rating.Rater? rater, TextWriter log)
    {
        var store = ProvisioningStore.Open(dataDirectory);
        try
        {
            return new ProvisioningWatcher(store, sipSwitch, rater, log);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Has the store read now instead of at the next tick (the portal committed a change: issue 16, "takes effect in the
    /// running switch within a second"); the task ends once a check that began after this call is done, the change
    /// served when it passed the checks. A check under way when this is called may have read the version before the
    /// caller's commit, so the caller waits for the next one.
    /// </summary>
    public Task CheckNow()
    {
        var next = Volatile.Read(ref _checked).Task;
        _nudge.Release();
        return next;
    }

    /// <summary>Stops watching (before the switch is disposed: a reload waits on the switch's partitions).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        Volatile.Read(ref _checked).TrySetCanceled(); // nobody waits on a watcher that is gone
        _stop.Dispose();
        _nudge.Dispose();
        _store.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            while (true)
            {
                // Every Interval, or at once when nudged (CheckNow): whichever comes first.
                await _nudge.WaitAsync(Interval, _stop.Token).ConfigureAwait(false);
                var waiting = Interlocked.Exchange(ref _checked, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                try
                {
                    Check();
                }
                finally
                {
                    waiting.TrySetResult();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // serve is stopping
        }
    }

    private void Check()
    {
        long version;
        try
        {
            version = _store.DataVersion();
        }
        catch (SqliteException e)
        {
            // A locked or damaged store now and then must not stop the service: try again at the next tick.
            _log.WriteLine($"centrex serve: the provisioning store {_store.Path} cannot be read now ({e.Message}); the switch keeps its directory");
            return;
        }

        if (version != _version)
        {
            _version = version;
            TryReload(quietly: false);
        }
    }

    private void TryReload(bool quietly)
    {
        ProvisionedSwitchDirectory directory;
        Rating.Charging.AccountRules? rules;
        try
        {
            var snapshot = _store.Load();
            directory = ProvisionedSwitchDirectory.From(snapshot, _store.Path);
            rules = _rater is null ? null : Cli.RaterFiles.Rules(snapshot);
        }
        catch (ProvisioningException e)
        {
            _log.WriteLine($"centrex serve: provisioning changed but cannot be served: {e.Message}; the switch keeps the directory it has");
            return;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A store another program wrote (a value this version cannot read, a lock held too long) must not stop
            // the switch, which goes on with what it has; the next commit is tried afresh.
            _log.WriteLine($"centrex serve: the provisioning store {_store.Path} cannot be read ({e.GetType().Name}: {e.Message}); the switch keeps the directory it has");
            return;
        }

        var dropped = _switch.ReplaceDirectory(directory);
        if (_rater is not null)
        {
            // Calls that start from now on use the new areas and rates; a call already up keeps those it started with
            // (its CDR is rated as it ends, with the rules in force at its start).
            _rater.ChangeAccountRules(rules, DateTimeOffset.UtcNow.Subtract(DateTimeOffset.UnixEpoch).Ticks);
        }

        if (!quietly || dropped > 0)
        {
            _log.WriteLine($"centrex serve: switch directory reloaded from {_store.Path}: {directory.AccountCount:N0} SIP accounts, realm \"{directory.Realm}\"" +
                (dropped == 0 ? string.Empty : $"; {dropped:N0} registrations dropped (account gone or credentials changed: the phone registers again)"));
        }
    }
}
