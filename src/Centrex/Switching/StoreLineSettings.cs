using System.Threading.Channels;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;
using Centrex.Switch.Provisioning;
using Microsoft.Data.Sqlite;

namespace Centrex.Switching;

/// <summary>
/// Keeps what phones change by star code in <c>DATA/provisioning.db</c> (issue 15: a restart keeps it and
/// <c>provision export</c> shows it). Partitions only queue the change (<see cref="Save"/> never waits); one task writes
/// each with a single statement on its own connection. The switch already applies the change itself; the write comes
/// back through live provisioning (<see cref="ProvisioningWatcher"/>) as the same value.
/// </summary>
internal sealed class StoreLineSettings : ILineSettingsStore, IAsyncDisposable
{
    private readonly Channel<(Func<ProvisioningStore, bool> Write, string What)> _queue =
        Channel.CreateUnbounded<(Func<ProvisioningStore, bool>, string)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly ProvisioningStore _store;
    private readonly TextWriter _log;
    private readonly Task _writer;

    public StoreLineSettings(string dataDirectory, TextWriter log)
    {
        _store = ProvisioningStore.Open(dataDirectory);
        _log = log;
        _writer = Task.Run(WriteAsync);
    }

    /// <inheritdoc/>
    public void Save(string accountId, LineSetting setting, bool on)
    {
        var column = setting == LineSetting.DoNotDisturb ? "do_not_disturb" : "anonymous_call_rejection";
        _queue.Writer.TryWrite((store => store.SetLineSetting(accountId, column, on), $"account {accountId} set {column} = {on}"));
    }

    /// <inheritdoc/>
    public void SaveForwarding(string accountId, Switch.CallFlows.ForwardWhen when, string? number)
    {
        var phone = number is null ? PhoneForwarding.Off
            : new PhoneForwarding(when == Switch.CallFlows.ForwardWhen.Always ? ForwardWhen.Always : ForwardWhen.Unanswered, number);
        _queue.Writer.TryWrite((store => store.SetPhoneForwarding(accountId, phone), $"account {accountId} set phone_forwarding {(number is null ? "off" : $"{phone.When} to {number}")}"));
    }

    /// <inheritdoc/>
    public void SaveNightMode(string customerId, bool on) =>
        _queue.Writer.TryWrite((store => store.SetNightMode(customerId, on), $"customer {customerId} set night_mode = {on}"));

    /// <summary>Writes what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        _store.Dispose();
    }

    private async Task WriteAsync()
    {
        await foreach (var (write, what) in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                if (!write(_store))
                {
                    _log.WriteLine($"centrex serve: {what} by star code but it is no longer provisioned: not stored");
                }
            }
            catch (SqliteException e)
            {
                // The switch has the change already; only its keeping failed. Said once per change, never fatal.
                _log.WriteLine($"centrex serve: {what} by star code; the store {_store.Path} could not keep it ({e.Message}): it lasts until serve restarts");
            }
        }
    }
}
