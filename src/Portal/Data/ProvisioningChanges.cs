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

        /// <summary>Nothing changed, for a reason the caller gives (its form's errors, a record no longer there).</summary>
        public static Result Refused { get; } = new(false, null, null);

        /// <summary>The record is not the session's (or no longer exists): the same answer either way.</summary>
        public static Result NotFound { get; } = new(false, null, "not-found");
    }

    /// <summary>
    /// Builds the changed records from the current provisioning with <paramref name="change"/> and imports them;
    /// <paramref name="source"/> names the change in messages (<c>portal (cust-qc)</c>). <paramref name="change"/> runs
    /// under the lock that orders every portal change, so a record it builds from the <see cref="ProvisioningIndex"/> it
    /// is given keeps whatever another change stored just before (a record read before the call and written back whole
    /// undid it: the operator's suspension came back active in 8 runs of 10 beside a customer's extension change); it
    /// returns null to change nothing (<see cref="Result.Refused"/>: the caller says why).
    /// </summary>
    public Result Apply(string source, Func<ProvisioningIndex, ProvisioningSnapshot?> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var current = data.Provisioning.Refresh(force: false);
            try
            {
                if (change(current) is not { } records)
                {
                    return Result.Refused;
                }

                using (var store = ProvisioningStore.Open(data.DataDirectory))
                {
                    store.Import(records, source, clock: data.Clock);
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

    /// <summary>
    /// Changes account <paramref name="id"/> as it is when the change runs (<paramref name="change"/> gets the stored
    /// record); <see cref="Result.NotFound"/> when there is none, or it is not <paramref name="customerId"/>'s when given.
    /// </summary>
    public Result Account(string source, string id, Func<Account, Account> change, string? customerId = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        var found = true;
        var result = Apply(source, current =>
        {
            if (current.Account(id) is not { } now || (customerId is not null && now.CustomerId != customerId))
            {
                found = false;
                return null;
            }

            return ProvisioningSnapshot.Empty with { Accounts = [change(now)] };
        });
        return found ? result : Result.NotFound;
    }

    /// <summary>Changes customer <paramref name="id"/> as it is when the change runs; <see cref="Result.NotFound"/> when there is none.</summary>
    public Result Customer(string source, string id, Func<Customer, Customer> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var found = true;
        var result = Apply(source, current =>
        {
            if (current.Customer(id) is not { } now)
            {
                found = false;
                return null;
            }

            return ProvisioningSnapshot.Empty with { Customers = [change(now)] };
        });
        return found ? result : Result.NotFound;
    }

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
