using Centrex.Switch.CallFlows;
using Centrex.Switch.Provisioning;
using Centrex.Switch.Routing;

namespace Centrex.Switch.Calls;

/// <summary>
/// Call flows (seed 003), forwarding and follow-me (seeds 000, 002, 004) and hunt groups (seed 004): what a call to a
/// number with any of them rings. A line without a flow and without forwarding is rung as before, by the plain path.
/// The state this keeps (star-code forwarding, night mode, when lines last answered) belongs to the partition.
/// </summary>
internal sealed partial class B2bua : IHuntUsage
{
    private readonly Dictionary<string, ForwardOverride> _forwarding = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _night = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastAnswered = new(StringComparer.Ordinal);
    private Random? _random;

    /// <inheritdoc/>
    public long LastUsed(string accountId) =>
        _lastAnswered.TryGetValue(accountId, out var ticks) ? ticks
        : _options.HuntUsage is { } before && before.TryGetValue(accountId, out ticks) ? ticks : 0; // as it was at the start

    /// <summary>
    /// A line of the call connected (it answered, placed the call that was answered, or picked one up): least-used
    /// hunting rings the line used longest ago first (seed 004: "sorts the phone lines ... beginning with their last
    /// usage"). Kept by the partition, which owns every line of its customers and so every member of their groups;
    /// lines of other partitions' customers recorded here are never read (their groups hunt there). Kept in memory
    /// only (no write per call on the call-control thread): at start <c>serve</c> rebuilds the times from the CDR store
    /// (<see cref="SwitchOptions.HuntUsage"/>, <see cref="Cdrs.HuntUsageHistory"/>).
    /// </summary>
    private void NoteUsed(string? accountId)
    {
        if (accountId is not null)
        {
            _lastAnswered[accountId] = _stack.Clock.Now.ToUnixTimeTicks();
        }
    }

    /// <summary>
    /// The line's forwarding in force: set from the phone until the directory serves the same (the store's copy came back
    /// through live provisioning) or provisioning changed it since (provisioning wins); else the directory's, which is
    /// the phone's stored setting when there is one (the host puts it in force over the provisioned forwarding).
    /// </summary>
    internal LineForwarding? ForwardingOf(SwitchAccount account)
    {
        var provisioned = account.Forwarding is { Targets.Length: > 0 } f ? f : null;
        if (_forwarding.TryGetValue(account.Id, out var set))
        {
            if (provisioned?.Key == set.Value?.Key)
            {
                _forwarding.Remove(account.Id); // the directory says so now: it is the truth again
            }
            else if (provisioned?.Key == set.BaseKey)
            {
                return set.Value; // not reloaded yet
            }
            else
            {
                _forwarding.Remove(account.Id); // provisioning changed it since: provisioning wins
            }
        }

        return provisioned;
    }

    /// <summary>Whether the customer's night mode is on: set by <c>*33</c> until the directory says the same, else the directory's.</summary>
    private bool NightOf(ISwitchDirectory directory, string customerId)
    {
        var stored = directory.FindCustomer(customerId)?.NightMode ?? false;
        if (!_night.TryGetValue(customerId, out var set))
        {
            return stored;
        }

        if (set == stored)
        {
            _night.Remove(customerId);
        }

        return set;
    }

    /// <summary>
    /// Starts the call's flow, hunt group or forwarding if it has one; false: ring it the plain way. Runs after the call
    /// was authorized and admitted as it arrived.
    /// </summary>
    private bool TryFork(ISwitchDirectory directory, Call call, Route route, SwitchAccount? callee)
    {
        CompiledFlow? flow;
        string customerId;
        if (route.Kind == RouteKind.HuntGroup && call.Info.AccountId is { } callerId && directory.FindAccount(callerId) is { } caller)
        {
            customerId = caller.CustomerId;
            flow = directory.FindHuntGroup(customerId, route.Number!)?.Flow;
            if (flow is null)
            {
                return false;
            }
        }
        else if (route.Kind == RouteKind.Account && callee is not null && _partitionOf(callee.CustomerId) == _stack.Partition)
        {
            customerId = callee.CustomerId;
            flow = directory.FindFlow(customerId, route.Number ?? string.Empty)
                ?? (callee.Extension is { } extension ? directory.FindFlow(customerId, extension) : null)
                ?? (callee.Dids.Count > 0 ? directory.FindFlow(customerId, callee.Dids[0]) : null);
            if (flow is null && ForwardingOf(callee) is null)
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        var fork = new CallFork(call.Info, callee?.Id ?? call.Info.AccountId)
        {
            Directory = directory,
            CustomerId = customerId,
            Zone = directory.FindCustomer(customerId)?.TimeZone ?? NodaTime.DateTimeZone.Utc,
        };
        call.Fork = fork;
        call.Media = _hooks.Media.Open(call.Info);
        if (flow is null)
        {
            Execute(call, new FlowStep(FlowStepKind.RingAccount, Target: callee!.Id));
            return true;
        }

        fork.Run = FlowRun.Start(flow);
        Execute(call, FlowEvaluator.Next(ref fork.Run, ContextOf(fork)));
        return true;
    }

    private FlowContext ContextOf(CallFork fork) => new(_stack.Clock.Now, fork.Zone, NightOf(fork.Directory, fork.CustomerId));

    /// <summary>Turns a flow step into targets and rings them.</summary>
    private void Execute(Call call, FlowStep step)
    {
        var fork = call.Fork!;
        while (step.Kind == FlowStepKind.ChangeCaller)
        {
            fork.Caller = step.Caller!.Apply(fork.Caller ?? fork.Original.Caller); // seed 003 Change suffix/prefix
            step = FlowEvaluator.Continue(ref fork.Run, step.Next, ContextOf(fork));
        }

        if (step.Kind == FlowStepKind.Async)
        {
            StartFlowWork(call, step); // B2bua.FlowWork.cs: resumes here when the result comes back through the ring
            return;
        }

        fork.Targets.Clear();
        fork.Next = 0;
        fork.Busy = false;
        fork.Other = false;
        fork.Group = null;
        switch (step.Kind)
        {
            case FlowStepKind.RingAccount:
                AddAccount(fork, step.Target!, withPrevious: false, delay: 0, step.RingSeconds, honorForwarding: true, conditional: true);
                break;
            case FlowStepKind.RingGroup:
                AddGroup(fork, step.Group!);
                break;
            case FlowStepKind.RingNumber:
                fork.Targets.Add(new RingTarget(RingTargetKind.External, step.Target!, false, 0, step.RingSeconds, step.Payer ?? fork.Line));
                break;
            case FlowStepKind.FollowMe:
                if (fork.Directory.FindAccount(step.Target!) is { } line && ForwardingOf(line) is { } forwarding)
                {
                    AddForwardTargets(fork, line, forwarding, withPrevious: false, together: forwarding.Simultaneous);
                }

                break;
        }

        if (step.Kind == FlowStepKind.Stop)
        {
            StepDone(call);
            return;
        }

        RingNext(call);
    }

    /// <summary>
    /// A line: its phone, or what its forwarding says (seed 000): unconditional forwarding rings its numbers instead;
    /// conditional forwarding rings the phone for the line's ring time, then its numbers (busy and unregistered skip
    /// straight to them). Hunt-group members follow only unconditional forwarding, and not when the group ignores it.
    /// </summary>
    private void AddAccount(CallFork fork, string accountId, bool withPrevious, int delay, int ringSeconds, bool honorForwarding, bool conditional)
    {
        var account = fork.Directory.FindAccount(accountId);
        var forwarding = honorForwarding && account is not null ? ForwardingOf(account) : null;
        if (forwarding is not null && account is not null && HasActive(fork, forwarding))
        {
            if (forwarding.When == ForwardWhen.Always)
            {
                AddForwardTargets(fork, account, forwarding, withPrevious, together: withPrevious || forwarding.Simultaneous);
                return;
            }

            if (conditional)
            {
                fork.Targets.Add(new RingTarget(RingTargetKind.Account, accountId, withPrevious, delay, ringSeconds > 0 ? ringSeconds : forwarding.RingSeconds, null));
                AddForwardTargets(fork, account, forwarding, withPrevious: false, together: forwarding.Simultaneous);
                return;
            }
        }

        fork.Targets.Add(new RingTarget(RingTargetKind.Account, accountId, withPrevious, delay, ringSeconds, null));
    }

    private bool HasActive(CallFork fork, LineForwarding forwarding)
    {
        var local = _stack.Clock.Now.InZone(fork.Zone).LocalDateTime;
        foreach (var target in forwarding.Targets)
        {
            if (target.ActiveAt(local))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The line's numbers active now in the customer's time zone (seed 004 ring schedules), in order.</summary>
    private void AddForwardTargets(CallFork fork, SwitchAccount line, LineForwarding forwarding, bool withPrevious, bool together)
    {
        var local = _stack.Clock.Now.InZone(fork.Zone).LocalDateTime;
        var customer = fork.Directory.FindCustomer(line.CustomerId);
        var first = true;
        foreach (var target in forwarding.Targets)
        {
            if (!target.ActiveAt(local))
            {
                continue;
            }

            var with = first ? withPrevious : together;
            first = false;
            var number = target.Number.TrimStart('+');
            if (target.Number.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
            {
                fork.Targets.Add(new RingTarget(RingTargetKind.Uri, target.Number, with, 0, target.RingSeconds, line.Id));
            }
            else if (customer is not null && customer.Extensions.TryGetValue(number, out var extensionAccount))
            {
                fork.Targets.Add(new RingTarget(RingTargetKind.Account, extensionAccount, with, 0, target.RingSeconds, null));
            }
            else if (fork.Directory.FindByDid(number) is { } owner && _partitionOf(owner.CustomerId) == _stack.Partition)
            {
                fork.Targets.Add(new RingTarget(RingTargetKind.Account, owner.Id, with, 0, target.RingSeconds, null));
            }
            else
            {
                fork.Targets.Add(new RingTarget(RingTargetKind.External, number, with, 0, target.RingSeconds, line.Id));
            }
        }
    }

    /// <summary>A hunt group's members in the order its sequence gives this call (seed 004).</summary>
    private void AddGroup(CallFork fork, HuntGroupPlan group)
    {
        fork.Group = group;
        var simultaneous = group.Sequence == HuntSequence.Simultaneous;
        _random ??= _options.HuntRandom?.Invoke(_stack.Partition) ?? new Random();
        var n = HuntOrder.Choose(group, fork.Order, _random, this);
        for (var i = 0; i < n; i++)
        {
            var member = group.Members[fork.Order[i]];
            AddAccount(fork, member.AccountId, withPrevious: simultaneous && i > 0, simultaneous ? member.RingDelaySeconds : 0, member.RingSeconds,
                honorForwarding: !member.IgnoreFollowMe, conditional: false);
        }
    }
}
