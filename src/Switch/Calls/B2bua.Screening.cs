using Centrex.Switch.Provisioning;
using Centrex.Switch.Sip;

using CallDisposition = Centrex.Switch.Cdrs.CallDisposition;

namespace Centrex.Switch.Calls;

/// <summary>
/// What a line lets through (seed 001 "Calling Preferences": do not disturb, call waiting, anonymous call rejection;
/// seed 000 "Number Black Listing"), checked in the partition that owns the called line before anything is reserved for
/// the call, and the star codes that change those settings. Every line's calls, as caller or callee, live in its
/// customer's partition (a call from another customer is handed to it), so the partition alone counts a line's calls
/// and keeps the settings its phone changed, with no lock.
/// </summary>
internal sealed partial class B2bua
{
    // Calls in progress on each line of this partition (either party, ringing or talking): call waiting's "busy".
    private readonly Dictionary<string, int> _lineCalls = new(StringComparer.Ordinal);

    // Settings a phone changed by star code, until the directory says the same (the store's write has come back through
    // live provisioning): from then on the directory is the truth again, so a later import can change them.
    private readonly Dictionary<(string Account, LineSetting Setting), bool> _lineOverrides = [];

    /// <summary>
    /// Refuses <paramref name="call"/> when <paramref name="callee"/> does not take it; true when refused. In order: the
    /// blacklists (603 Decline: the callee does not wish to take this caller, RFC 3261 §21.6.2), anonymous call
    /// rejection (433 Anonymity Disallowed, RFC 5079 §3), do not disturb (480, the seed's "user unavailable" and RFC 3261
    /// §21.4.18's "do not disturb"), call waiting off with a call already up (486 Busy Here).
    /// </summary>
    private bool Screened(ISwitchDirectory directory, Call call, SwitchAccount callee, SwitchAccount? caller, SipMessage request)
    {
        var customer = directory.FindCustomer(callee.CustomerId)?.Screening ?? SwitchScreening.None;
        var own = callee.Screening;
        if (IsBlacklisted(own, customer, callee.CustomerId, caller, request))
        {
            Refuse(call, 603, "Decline", CallDisposition.Failed);
            return true;
        }

        var anonymous = caller is not null ? call.Identity?.Hidden == true : IsAnonymousCaller(request);
        if (anonymous && Effective(callee.Id, LineSetting.AnonymousRejection, own.AnonymousRejection ?? customer.AnonymousRejection ?? false, own.AnonymousRejection))
        {
            Refuse(call, 433, "Anonymity Disallowed", CallDisposition.Failed);
            return true;
        }

        if (Effective(callee.Id, LineSetting.DoNotDisturb, own.DoNotDisturb ?? customer.DoNotDisturb ?? false, own.DoNotDisturb))
        {
            Refuse(call, 480, "Temporarily Unavailable (Do Not Disturb)", CallDisposition.NoAnswer);
            return true;
        }

        if (!(own.CallWaiting ?? customer.CallWaiting ?? true) && _lineCalls.GetValueOrDefault(callee.Id) > 0)
        {
            Refuse(call, 486, "Busy Here", CallDisposition.Busy);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Whether the caller is on the line's or its customer's list. The caller's true number is looked at, hidden or not:
    /// the switch knows it (from the trusted P-Asserted-Identity of a trunk or hand-over), and hiding must not get a
    /// blocked caller through. A colleague (a line of the callee's own customer) is refused only by an entry that names
    /// it exactly (its extension, account id or one of its DIDs): prefixes are rules for outside numbers, and the
    /// customer's own DIDs share them (blocking a nuisance exchange must not block the office's own lines). An
    /// extension names a line of the callee's customer only, so another customer's line is never refused by it; its
    /// DIDs are its public numbers, checked like any outside caller's.
    /// </summary>
    private static bool IsBlacklisted(SwitchScreening own, SwitchScreening customer, string calleeCustomerId, SwitchAccount? caller, SipMessage request)
    {
        if (caller is not null)
        {
            var colleague = caller.CustomerId == calleeCustomerId;
            if (Names(own, customer, caller.Id) || (colleague && caller.Extension is { } extension && Names(own, customer, extension)))
            {
                return true;
            }

            foreach (var did in caller.Dids)
            {
                if (colleague ? Names(own, customer, did) : Blocks(own, customer, did))
                {
                    return true;
                }
            }

            return false;
        }

        var asserted = Header(request, "P-Asserted-Identity");
        var number = asserted.IsEmpty ? request.Text(request.From.Uri.User) : AssertedUser(System.Text.Encoding.UTF8.GetString(asserted));
        return Blocks(own, customer, number.TrimStart('+'));
    }

    private static bool Names(SwitchScreening own, SwitchScreening customer, string number) => own.Lists(number) || customer.Lists(number);

    private static bool Blocks(SwitchScreening own, SwitchScreening customer, string number) => own.Blocks(number) || customer.Blocks(number);

    /// <summary>The user of the first URI in a P-Asserted-Identity value (<c>&lt;sip:+1604...@host&gt;</c> or <c>&lt;tel:+1604...&gt;</c>).</summary>
    private static string AssertedUser(string value)
    {
        var start = value.IndexOf(':', StringComparison.Ordinal);
        if (start < 0)
        {
            return string.Empty;
        }

        var end = value.IndexOfAny(['@', '>', ';'], start + 1);
        return end < 0 ? value[(start + 1)..] : value[(start + 1)..end];
    }

    /// <summary>A caller from a trunk or another partition that withholds its identity (RFC 3323 §4.1.1.3, §4.2: id or header).</summary>
    private static bool IsAnonymousCaller(SipMessage request)
    {
        if (PrivacyRequested(request))
        {
            return true;
        }

        var user = request.Text(request.From.Uri.User);
        return IsAnonymousUri(request) || user.Equals("unavailable", StringComparison.OrdinalIgnoreCase)
            || user.Equals("restricted", StringComparison.OrdinalIgnoreCase) || user.Equals("private", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A setting's value: what the phone set by star code while the directory does not yet say so, else
    /// <paramref name="provisioned"/> (the line's, else its customer's, else the default).
    /// </summary>
    private bool Effective(string account, LineSetting setting, bool provisioned, bool? lineValue)
    {
        if (!_lineOverrides.TryGetValue((account, setting), out var value))
        {
            return provisioned;
        }

        if (lineValue == value)
        {
            _lineOverrides.Remove((account, setting)); // the store's copy is served: the directory is the truth again
        }

        return value;
    }

    /// <summary>A star code that changes a line setting: at once for the next call, and kept by the store (serve's provisioning).</summary>
    private void ApplySetting(SwitchAccount account, LineSetting setting, bool on)
    {
        _lineOverrides[(account.Id, setting)] = on;
        _options.LineSettings?.Save(account.Id, setting, on);
    }

    /// <summary>Counts the call on its caller's and callee's lines of this partition, until it ends.</summary>
    private void CountLines(Call call, SwitchAccount? caller, SwitchAccount? callee)
    {
        if (caller is not null)
        {
            call.LineA = caller.Id;
            _lineCalls[caller.Id] = _lineCalls.GetValueOrDefault(caller.Id) + 1;
        }

        if (callee is not null && _partitionOf(callee.CustomerId) == _stack.Partition && callee.Id != caller?.Id)
        {
            call.LineB = callee.Id;
            _lineCalls[callee.Id] = _lineCalls.GetValueOrDefault(callee.Id) + 1;
        }
    }

    private void UncountLines(Call call)
    {
        foreach (var line in (ReadOnlySpan<string?>)[call.LineA, call.LineB])
        {
            if (line is not null && _lineCalls.TryGetValue(line, out var n))
            {
                if (n <= 1)
                {
                    _lineCalls.Remove(line);
                }
                else
                {
                    _lineCalls[line] = n - 1;
                }
            }
        }

        call.LineA = call.LineB = null;
    }

    /// <summary>Whether the callee's line is this partition's (a call to another customer's line is screened where it is handed).</summary>
    private bool OwnsLine(SwitchAccount callee) => _partitionOf(callee.CustomerId) == _stack.Partition;
}
