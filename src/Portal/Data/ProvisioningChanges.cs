using System.Text.RegularExpressions;
using Centrex.Provisioning;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;

namespace Centrex.Portal.Data;

/// <summary>
/// Every change the portal makes to switch or billing data goes here, and through <see cref="ProvisioningStore.Import"/>
/// (issue 16: "the same provisioning validation as <c>provision import</c>"): the changed records are merged into the
/// store, the whole is validated, and written in one transaction, so a change the command line would refuse is refused
/// here with the same message, and a change that is accepted is in the store for the running switch to take up (live
/// provisioning watches the store). Changes from the portal are made one at a time (the merge reads, then writes).
/// </summary>
public sealed partial class ProvisioningChanges(PortalData data, Microsoft.AspNetCore.Http.IHttpContextAccessor http)
{
    private readonly object _gate = new();

    /// <summary>What a change came to: done, or refused with the message and the field it names.</summary>
    public sealed record Result(bool Done, string? Field, string? Message)
    {
        /// <summary>The refusal's stable code (<see cref="ProvisioningErrors"/>) when it has one: the API's <c>kind</c>.</summary>
        public string? Kind { get; init; }

        public static Result Ok { get; } = new(true, null, null);
    }

    /// <summary>
    /// Builds the changed records from the current provisioning with <paramref name="change"/> and imports them;
    /// <paramref name="source"/> names the change in messages (<c>portal (cust-qc)</c>).
    /// </summary>
    public Result Apply(string source, Func<ProvisioningIndex, ProvisioningSnapshot> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var current = data.Provisioning.Refresh(force: false);
            try
            {
                using (var store = ProvisioningStore.Open(data.DataDirectory))
                {
                    store.Import(change(current), source);
                }
            }
            catch (ProvisioningException e)
            {
                var message = Message(e.Message, source);
                if (e.Code is { } code)
                {
                    // The page shows the message in the login's language from its code; the API answers in English.
                    Localization.Refusals.Note(http.HttpContext, message, code, e.Detail!, e.Arguments);
                }

                return new Result(false, FieldOf(e.Message), message) { Kind = e.Code };
            }

            data.Provisioning.Refresh(force: true);
            SwitchHasIt();
            return Result.Ok;
        }
    }

    // Waits (at most a second: the bound the issue sets) until the running switch has read the committed change, so
    // whoever saved it can use it as soon as the page answers; a slower reload still lands, the answer just does not
    // wait longer for it.
    private void SwitchHasIt()
    {
        if (data.SwitchReload is { } reload)
        {
            try
            {
                reload().Wait(TimeSpan.FromSeconds(1));
            }
            catch (AggregateException)
            {
                // serve is stopping: the change is committed, the switch that would take it is going away
            }
        }
    }

    /// <summary>Changes one account (the rest of provisioning as it is).</summary>
    public Result Account(string source, Account account) =>
        Apply(source, _ => ProvisioningSnapshot.Empty with { Accounts = [account] });

    /// <summary>Changes one customer.</summary>
    public Result Customer(string source, Customer customer) =>
        Apply(source, _ => ProvisioningSnapshot.Empty with { Customers = [customer] });

    /// <summary>
    /// The field a provisioning message names: <c>field "forwarding.targets[0].number"</c> gives <c>number</c> (the
    /// last part: the form's input), <c>field "extension"</c> gives <c>extension</c>; else the first word that is the
    /// name of a field in the message after the record (<c>extension '101' ...</c>); else null (shown above the form).
    /// </summary>
    public static string? FieldOf(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Quoted().Match(message) is { Success: true } m)
        {
            var path = m.Groups[1].Value;
            var last = path[(path.LastIndexOf('.') + 1)..];
            return Index().Replace(last, string.Empty);
        }

        return Named().Match(message) is { Success: true } n ? n.Groups[1].Value : null;
    }

    // The message without the source prefix: the person at the form knows what they were saving.
    private static string Message(string message, string source) =>
        message.StartsWith(source + ": ", StringComparison.Ordinal) ? message[(source.Length + 2)..] : message;

    [GeneratedRegex("field \"([a-z_\\.\\[\\]0-9]+)\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    [GeneratedRegex(@"\): (?:[a-z_]+: )?([a-z_]+) '")]
    private static partial Regex Named();
}
