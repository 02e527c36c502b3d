using Centrex.Switch.Metrics;
using Centrex.Switch.Provisioning;
using Centrex.Switch.Routing;
using Centrex.Switch.Sip;
using Centrex.Switch.Transactions;
using Centrex.Switch.Transport;
using NodaTime;

using CallDisposition = Centrex.Switch.Cdrs.CallDisposition;

namespace Centrex.Switch.Calls;

/// <summary>A new INVITE: who is calling, where it goes, whether the hooks let it, then the callee's leg.</summary>
internal sealed partial class B2bua
{
    private void OnInvite(ServerTransaction transaction)
    {
        var request = transaction.Request;
        var callId = request.Text(request.CallId);
        if (_calls.ContainsKey(callId))
        {
            transaction.Respond(482, "Loop Detected"); // the same Call-ID as a call in progress: a second fork or a loop.
            return;
        }

        var directory = _directory.Current; // one provisioning state for the whole call (live provisioning)
        var dialed = request.Text(request.RequestUri.User); // the user part of a sip: URI, the number of a tel: URI
        var handedOver = transaction.Source.Kind == SipTransportKind.Internal;
        var trunk = handedOver ? null : directory.FindTrunkBySource(transaction.Source.Remote);
        SwitchAccount? caller = null;
        SwitchAccount? callee;
        Route route;
        DialedIdentity asked = default;
        if (handedOver)
        {
            // Another partition's caller dialed one of this partition's accounts: the Request-URI names the account.
            callee = directory.FindAccount(dialed);
            route = callee is null ? Route.NotFound : new Route(RouteKind.Account, AccountId: callee.Id, Number: dialed);
        }
        else if (trunk is not null)
        {
            callee = DialPlan.RouteFromTrunk(directory, dialed);
            route = callee is null ? Route.NotFound : new Route(RouteKind.Account, AccountId: callee.Id, Number: dialed.TrimStart('+'));
        }
        else if (transaction.UserState is UncheckedEmergency)
        {
            // An emergency INVITE placed without its credentials looked at, from no known line (B2bua.Authentication):
            // the router found its Request-URI to be an emergency number. It goes out anonymously.
            route = EmergencyRoute(directory, null);
            callee = null;
        }
        else
        {
            // Authenticated before the transaction was made (TryAdmit: the 407 challenge is stateless).
            caller = transaction.UserState as SwitchAccount
                ?? throw new InvalidOperationException("an INVITE reached the B2BUA without being authenticated");
            asked = DialedIdentity.Parse(dialed, caller.Identity); // h, c1, c2... and the hide/show prefixes (B2bua.Identity)
            dialed = asked.Number;
            route = directory.EmergencyNumbers.Contains(dialed) ? EmergencyRoute(directory, caller) : DialPlan.RouteFrom(directory, caller, dialed);
            callee = route.AccountId is { } id ? directory.FindAccount(id) : null;
        }

        var emergency = route.Kind == RouteKind.Emergency;
        var direction = trunk is not null || handedOver ? CallDirection.Incoming
            : route.Kind is RouteKind.Trunk or RouteKind.Emergency ? CallDirection.Outgoing : CallDirection.Internal;
        var owner = direction == CallDirection.Incoming ? callee : caller;
        var info = new CallInfo(NewCallId(), callId, owner?.Id, callee?.Id, CallerOf(request, caller), handedOver ? InternalHeader(request, DialedHeader) ?? dialed : dialed,
            route.Kind == RouteKind.Trunk || direction == CallDirection.Incoming ? route.Number : null, direction,
            directory.FindSite(owner?.SiteId).Id, false, _stack.Clock.Now)
        {
            Emergency = emergency,
            CallingAccount = handedOver ? InternalHeader(request, CallingAccountHeader) : null, // trusted: the switch's own transport only
        };
        var call = new Call(info, transaction)
        {
            ARemoteTarget = RemoteTarget(request), AAccount = caller?.Id, BAccount = callee is not null && !IsElsewhere(callee) ? callee.Id : null,
            CountedElsewhere = handedOver,
        };
        call.Offer = request[request.Body].ToArray();
        call.Alert = AlertFor(directory, caller, callee, route);
        Track(call, callId);
        Count(call, +1); // until End, which every call reaches exactly once

        if (!emergency && SuspendedParty(caller, callee) is { } suspended)
        {
            // Issue 16: a suspended line (or a line of a suspended customer) neither calls nor is called, feature codes
            // included; emergency calls still go out (issue 14). Checked per new INVITE on the directory of the moment,
            // so a suspension takes effect live and a call already up is not dropped.
            Refuse(call, 403, "Suspended", CallDisposition.Failed, WarningHeader($"{suspended} is suspended"));
            return;
        }

        switch (route.Kind)
        {
            case RouteKind.NotFound:
                Refuse(call, 404, "Not Found", CallDisposition.Failed);
                return;
            case RouteKind.Feature:
                call.Feature = route.FeatureCode;
                if (caller is not null && Routing.SettingCodes.TryMatch(route.FeatureCode!, out var setting, out var on))
                {
                    ApplySetting(caller, setting, on); // B2bua.Screening: do not disturb, anonymous call rejection
                }
                else if (RunFeature(directory, call, caller!, route.FeatureCode!, route.Number ?? string.Empty) is { } refusal)
                {
                    Refuse(call, refusal.Status, refusal.Reason, CallDisposition.Failed);
                    return;
                }

                AnswerFeature(call);
                return;
            case RouteKind.ParkRelease:
                OnParkRelease(call, caller!, route.Number!);
                return;
            case RouteKind.DirectedPickup:
                OnDirectedPickup(call, caller!, route);
                return;
            case RouteKind.GroupPickup:
                OnGroupPickup(call, caller!, route);
                return;
        }

        if (emergency)
        {
            // Emergency calls always go out (issue 14): no balance, credit or site limit refuses them, no slot is taken
            // from the site, and no duration cap cuts them.
            OnEmergency(directory, call, route);
            return;
        }

        if (caller is not null && !TryIdentify(directory, call, caller, asked, request))
        {
            return; // a cN the line has no number for (B2bua.Identity)
        }

        if (caller is not null && callee is not null && callee.CustomerId != caller.CustomerId)
        {
            // A call between two customers of this switch: the callee sees the caller's number or anonymous, as from the
            // public network (B2bua.Identity), whether or not the two customers share a partition; so does its CDR.
            call.CrossCustomer = true;
            info = call.Info = info with { PresentedCaller = call.Identity is { Hidden: false, Number: { } number } ? "+" + number : "anonymous" };
        }

        if (callee is not null && OwnsLine(callee) && Screened(directory, call, callee, caller, request))
        {
            return; // blacklist, anonymous rejection, do not disturb, call waiting (B2bua.Screening)
        }

        CountLines(call, caller, callee);
        var balance = _hooks.Balance.Authorize(info);
        if (!balance.Allowed)
        {
            _stack.Metrics.CountRefusal(balance.ByFraud ? RefusalReason.Fraud : RefusalReason.Balance);
            Refuse(call, balance.Status == 0 ? 402 : balance.Status, balance.Reason ?? "Payment Required",
                balance.ByFraud ? CallDisposition.RefusedByFraud : CallDisposition.RefusedByBalance);
            return;
        }

        call.MaxDuration = balance.MaxDuration;
        var admission = _hooks.Admission.Admit(info, call.Offer);
        if (!admission.Admitted)
        {
            _stack.Metrics.CountRefusal(RefusalReason.Limits);
            var warning = WarningHeader(admission.Warning);
            Refuse(call, admission.Status == 0 ? 503 : admission.Status, "Service Unavailable", CallDisposition.RefusedByLimit, warning);
            return;
        }

        call.Admitted = true;
        if (TryFork(directory, call, route, callee))
        {
            return; // a call flow, forwarding or a hunt group rings it (B2bua.Flows.cs)
        }

        if (route.Kind == RouteKind.HuntGroup)
        {
            Refuse(call, 404, "Not Found", CallDisposition.Failed);
            return;
        }

        if (!TryTarget(directory, call, route))
        {
            Refuse(call, 480, "Temporarily Unavailable", CallDisposition.NoAnswer);
            return;
        }

        if (!KeepsSips(call))
        {
            Refuse(call, 480, "Temporarily Unavailable", CallDisposition.Failed, SipsNotAllowed); // never downgraded
            return;
        }

        call.Media = _hooks.Media.Open(info);
        call.NoAnswerTimer = StartCallTimer(call, _options.NoAnswerTimeout, CallTimer.NoAnswer);
        SendBInvite(call, route);
    }

    /// <summary>Where the callee's leg goes: the account's registered device (480 when none) or the trunk.</summary>
    private bool TryTarget(ISwitchDirectory directory, Call call, Route route)
    {
        if (route.Kind == RouteKind.Account && directory.FindAccount(route.AccountId!) is { } target && _partitionOf(target.CustomerId) != _stack.Partition)
        {
            // The callee is another customer's, in another partition: the call is handed over as SIP through the rings
            // (the send stage puts it back on the receive ring, the router routes it by the account in the URI), never
            // by reaching into that partition's state. That partition records the call (one CDR, on the callee).
            call.HandedOver = true;
            call.BKind = SipTransportKind.Internal;
            call.BDestination = _stack.LocalEndpoint;
            call.BRemoteTarget = $"{(AIsSips(call) ? "sips" : "sip")}:{target.Id}@{_stack.LocalEndpoint}"; // SIPS goes on
            return true;
        }

        if (route.Kind == RouteKind.Account)
        {
            var binding = _registrar.Lookup(route.AccountId!);
            return binding is not null && TryReach(call, binding);
        }

        var trunk = directory.FindTrunk(route.TrunkId!);
        if (trunk is null)
        {
            return false;
        }

        call.BRemoteTarget = $"sip:{route.Number}@{Host(trunk.Address)}";
        call.BKind = SipTransportKind.Udp;
        call.BDestination = trunk.Address;
        return true;
    }

    /// <summary>Which party of a new call is suspended (the caller first), as the Warning names it; null when neither.</summary>
    private static string? SuspendedParty(SwitchAccount? caller, SwitchAccount? callee) =>
        caller is { Suspended: true } ? "the calling line" : callee is { Suspended: true } ? "the called line" : null;

    /// <summary>An emergency number: the emergency trunk, else the caller's customer's trunk (seed 001 E911).</summary>
    private static Route EmergencyRoute(ISwitchDirectory directory, SwitchAccount? caller)
    {
        var trunk = directory.EmergencyTrunkId ?? (caller is null ? null : directory.FindCustomer(caller.CustomerId)?.TrunkId);
        return new Route(RouteKind.Emergency, Number: null, TrunkId: trunk);
    }

    private void OnEmergency(ISwitchDirectory directory, Call call, Route route)
    {
        if (route.TrunkId is null || directory.FindTrunk(route.TrunkId) is not { } trunk)
        {
            Console.Error.WriteLine($"centrex: EMERGENCY CALL FROM {call.Info.AccountId} TO {call.Info.Dialed} HAS NO ROUTE: provision switch.emergency_trunk or the customer's trunk");
            Refuse(call, 503, "No Emergency Route", CallDisposition.Failed);
            return;
        }

        call.BRemoteTarget = $"sip:{call.Info.Dialed}@{Host(trunk.Address)}";
        call.BKind = SipTransportKind.Udp;
        call.BDestination = trunk.Address;
        call.Media = _hooks.Media.Open(call.Info);
        call.NoAnswerTimer = StartCallTimer(call, _options.NoAnswerTimeout, CallTimer.NoAnswer);
        SendBInvite(call, route);
    }

    private void AnswerFeature(Call call)
    {
        // A feature code's change is made before this (RunFeature); the phone gets 200 and a BYE once it acknowledges.
        call.State = CallState.Answered;
        call.AnswerTime = _stack.Clock.Now;
        SendAFinal(call, 200, "OK", ReadOnlyMemory<byte>.Empty);
    }

    private void Refuse(Call call, int status, string reason, CallDisposition disposition, string? extra = null)
    {
        End(call, disposition, status);
        call.AInvite.Respond(status, reason, extra);
    }

    private void OnNoAnswer(Call call)
    {
        if (call.State != CallState.Trying)
        {
            return;
        }

        CancelB(call);
        End(call, CallDisposition.NoAnswer, 480);
        call.AInvite.Respond(480, "No Answer");
    }

    private string CallerOf(SipMessage request, SwitchAccount? caller) =>
        caller?.Id ?? ((_stack.CurrentMark & Partitions.RouteMark.Unchecked) != 0 ? "anonymous" : request.Text(request.From.Uri.User));

    private static string RemoteTarget(SipMessage request) =>
        request.HasContact && !request.ContactIsStar ? request.Text(request.Contact.Uri.Whole) : request.Text(request.From.Uri.Whole);

    private static string Host(System.Net.IPEndPoint endpoint) => endpoint.ToString();

    private Duration CapFor(Call call) =>
        call.MaxDuration is { } max && max < _options.MaxCallDuration ? max : _options.MaxCallDuration;

    /// <summary>The 120-minute cap (seed 001) and the balance's limit end a call; nothing ends an emergency call but its parties.</summary>
    private void StartCap(Call call)
    {
        if (!call.Info.Emergency)
        {
            call.CapTimer = StartCallTimer(call, CapFor(call), CallTimer.Cap);
        }
    }
}
