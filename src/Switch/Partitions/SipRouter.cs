using Centrex.Pipeline;
using Centrex.Switch.Metrics;
using Centrex.Switch.Provisioning;
using Centrex.Switch.Registration;
using Centrex.Switch.Sip;
using Centrex.Switch.Transactions;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Partitions;

/// <summary>
/// The parse stage and the router: the one consumer of the receive ring. It parses each message in place with the
/// zero-allocation parser, answers what does not parse (400 with the reason, §21.4.1), and hands each message to the
/// partition that owns it, found from the message alone: a response by its top Via branch, a request inside a dialog
/// by its To tag (both minted by the partition, <see cref="PartitionTokens"/>), a new request by the customer of the
/// account that sends it (its credentials' user name, else its From user) or, from a trunk, of the DID it calls;
/// anything no customer claims goes by a hash of its Call-ID. It also owns the per-source authentication defences
/// (<see cref="SourceGuard"/>): partitions report failures to it through the receive ring. An INVITE to an emergency
/// number is looked at before any of those drops and takes from its own budget instead (<see cref="EmergencyRateLimits"/>).
/// </summary>
internal sealed class SipRouter(
    PartitionMap map, Func<ISwitchDirectory> directory, Func<int, CallPartition> partitions, ISipSender sender, SourceGuard guard,
    StatelessTags statelessTags, SourceRateLimiter rates, SourceRateLimiter emergencyRates, SourceRateLimiter blockedDialogRates, SwitchMetrics metrics)
    : IEventHandler<ReceiveSlot>
{
    private readonly SipMessage _message = new(8192);
    private long _malformed;
    private long _dropped;
    private ISwitchDirectory? _numbersOf;
    private byte[][] _emergencyNumbers = [];

    /// <summary>Messages that did not parse (answered 400 when addressable).</summary>
    public long Malformed => Interlocked.Read(ref _malformed);

    /// <summary>Requests dropped unanswered: blocked or slowed sources, ACKs for stateless answers, stray responses.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Requests dropped because their source sent faster than <see cref="SourceRateLimits"/> allows.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    private long _rateLimited;

    public void OnEvent(ref ReceiveSlot data, long sequence, bool endOfBatch)
    {
        try
        {
            Handle(ref data);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"centrex: error routing a message from {data.Source}: {e.GetType().Name}: {e.Message}");
        }

        data.Source = null;
        data.User = null;
    }

    private void Handle(ref ReceiveSlot data)
    {
        var source = data.Source!;
        switch (data.Kind)
        {
            case ReceiveKind.AuthReport:
                guard.Report(source, data.Outcome, data.User, data.Method, data.EndsCheck);
                if (data.Outcome == AuthOutcome.Authenticated)
                {
                    rates.Authenticated(source.Remote.Address);
                }

                return;
            case ReceiveKind.Unframed:
                OnMalformed(data.Data, data.Error, source);
                return;
        }

        var error = _message.Parse(data.Data);
        if (error != SipParseError.None)
        {
            OnMalformed(data.Data, error, source);
            return;
        }

        metrics.Received.Count(source.Kind, _message);
        var partition = Route(_message, source, out var checkBegun, out var mark);
        if (partition < 0)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        if (!partitions(partition).TryPublishMessage(_message, source, hops: 0, checkBegun, mark) && checkBegun)
        {
            guard.Report(source, AuthOutcome.None, null, null, endsCheck: true); // dropped before any check
        }
    }

    /// <summary>
    /// The partition that owns <paramref name="m"/>, or -1 to drop it; <paramref name="checkBegun"/>: a check of its
    /// credentials began (<see cref="SourceGuard.Admit"/>), to be ended by the partition's report.
    /// </summary>
    internal int Route(SipMessage m, SipSource source, out bool checkBegun) => Route(m, source, out checkBegun, out _);

    /// <summary>
    /// <see cref="Route(SipMessage, SipSource, out bool)"/>, and <paramref name="mark"/>: what the partition must know of
    /// the request (an emergency INVITE, one to place without checking its credentials).
    /// </summary>
    internal int Route(SipMessage m, SipSource source, out bool checkBegun, out RouteMark mark)
    {
        checkBegun = false;
        mark = RouteMark.None;
        if (!m.IsRequest)
        {
            return PartitionTokens.TryBranchPartition(m[m.TopVia.Branch], out var owner) ? owner % map.Count : -1;
        }

        var current = directory();
        var trusted = source.Kind == SipTransportKind.Internal || current.FindTrunkBySource(source.Remote) is not null;
        var dialog = -1;
        var emergencyDialog = false;
        var inDialog = !m.To.Tag.IsEmpty && PartitionTokens.TryTagPartition(m[m.To.Tag], out dialog, out emergencyDialog);

        // An emergency INVITE, and the CANCEL of one (its Request-URI is the INVITE's, RFC 3261 §9.1), are known by the
        // number; the in-dialog requests of an emergency call by the To tag its partition gave it (RouteMark.Emergency).
        var emergency = !trusted && m.To.Tag.IsEmpty && m.Method is SipMethod.Invite or SipMethod.Cancel && IsEmergencyNumber(m[m.RequestUri.User], current);
        if (!trusted && !Admitted(m, source, emergency, inDialog, emergencyDialog))
        {
            return -1;
        }

        if (!m.To.Tag.IsEmpty)
        {
            if (m.Method == SipMethod.Ack && statelessTags.Matches(m))
            {
                return -1; // the ACK for a response sent statelessly: nothing holds it (§8.2.7)
            }

            if (inDialog)
            {
                return dialog % map.Count;
            }
        }

        var register = m.Method == SipMethod.Register;
        var credentials = trusted ? default : DigestUsername.Find(m, register ? SipHeaderKind.Authorization : SipHeaderKind.ProxyAuthorization, current.Realm);
        if (emergency && m.Method == SipMethod.Invite)
        {
            mark = RouteMark.Emergency;
        }

        if (!trusted && NeedsAuthentication(m))
        {
            var withCredentials = HasCredentials(m, register);
            if (!guard.Admit(source, register ? "REGISTER" : "INVITE", withCredentials, credentials, out var heldBack))
            {
                if (mark != RouteMark.Emergency || !heldBack)
                {
                    // A slowed source's request beyond its allowance, the one that starts its block, or one with
                    // credentials while its source has as many checks in flight as allowed (an emergency INVITE too:
                    // its retransmission is checked once a check ends).
                    return -1;
                }

                // Issue 14: 911 always goes out, but a source held back for guessing passwords gets no answer about a
                // password: its emergency INVITE is placed without its credentials being looked at (RouteMark.Unchecked).
                // One the defences admit is checked as any INVITE, its failures counted and its check bounded in flight.
                mark |= RouteMark.Unchecked;
            }
            else
            {
                checkBegun = withCredentials;
            }
        }

        // A trunk's INVITE belongs to the DID's customer; a REGISTER from a trunk's address is still a phone's (a PBX
        // behind the carrier's address registers its lines), and goes by the account it registers.
        if (trusted && register && source.Kind != SipTransportKind.Internal)
        {
            credentials = DigestUsername.Find(m, SipHeaderKind.Authorization, current.Realm);
        }

        var partition = trusted && !(register && source.Kind != SipTransportKind.Internal)
            ? TrustedOwner(m, source, current) : PhoneOwner(m, current, credentials);
        return partition >= 0 ? partition : map.OfBytes(m[m.CallId]);
    }

    /// <summary>
    /// The per-source drops, for a request from a source that is no trunk (issue 14). Emergency INVITEs and CANCELs pass
    /// every drop and take from their own budget instead (<see cref="EmergencyRateLimits"/>): an office's phones share
    /// one address behind its NAT, and one phone's wrong password or burst must not stop 911 for the office. A blocked
    /// source's other requests are dropped, except the in-dialog requests (and CANCELs) of calls it had admitted: those
    /// of its emergency calls take from the emergency budget, those of its other calls from a budget of their own
    /// (<see cref="SipSwitchSettings.BlockedSourceDialogRates"/>), so that the ACKs, BYEs and session refreshes of forty
    /// phones' calls cannot use up what the next 911 INVITE needs, and a call admitted before the block is not cut
    /// (its requests carry no credentials to guess with; a forged tag only gets a 481). Requests that open something
    /// are limited per source (<see cref="SourceRateLimits"/>); in-dialog requests of an unblocked source are not.
    /// </summary>
    private bool Admitted(SipMessage m, SipSource source, bool emergency, bool inDialog, bool emergencyDialog)
    {
        var address = source.Remote.Address;
        if (emergency)
        {
            return Take(emergencyRates, address);
        }

        if (guard.IsBlocked(source))
        {
            if (inDialog && emergencyDialog)
            {
                return Take(emergencyRates, address);
            }

            // Dropped unlimited when it belongs to no call: every other request of a blocked source (its block was logged
            // once when it started).
            return (inDialog || m.Method == SipMethod.Cancel) && Take(blockedDialogRates, address);
        }

        return inDialog || m.Method == SipMethod.Ack || Take(rates, address);
    }

    /// <summary>Takes one request from <paramref name="budget"/>; a request beyond it is counted as rate-limited.</summary>
    private bool Take(SourceRateLimiter budget, System.Net.IPAddress address)
    {
        if (budget.TryTake(address))
        {
            return true;
        }

        Interlocked.Increment(ref _rateLimited);
        metrics.CountRefusal(RefusalReason.RateLimit);
        return false;
    }

    /// <summary>A trunk's INVITE belongs to the customer of the DID it calls; the switch's own hop, to the called account's.</summary>
    private int TrustedOwner(SipMessage m, SipSource source, ISwitchDirectory current)
    {
        var user = m[m.RequestUri.User];
        return source.Kind == SipTransportKind.Internal ? map.OfAccount(current, user) : map.OfDid(current, user);
    }

    /// <summary>
    /// A phone's request belongs to the customer of the account it speaks for: the user name of its first credentials in
    /// our realm (the ones the partition's authenticator checks), else its To (REGISTER) or From user.
    /// </summary>
    private int PhoneOwner(SipMessage m, ISwitchDirectory current, ReadOnlySpan<byte> credentials)
    {
        var register = m.Method == SipMethod.Register;
        if (!credentials.IsEmpty && map.OfAccount(current, credentials) is var byCredentials and >= 0)
        {
            return byCredentials;
        }

        if (register && map.OfAccount(current, m[m.To.Uri.User]) is var byTo and >= 0)
        {
            return byTo;
        }

        return map.OfAccount(current, m[m.From.Uri.User]);
    }

    /// <summary>
    /// Whether <paramref name="user"/> (a Request-URI's user part) is one of the switch's emergency numbers, compared
    /// as bytes: the numbers are encoded once per provisioning state, so routing still allocates nothing per message.
    /// </summary>
    private bool IsEmergencyNumber(ReadOnlySpan<byte> user, ISwitchDirectory current)
    {
        if (!ReferenceEquals(current, _numbersOf))
        {
            _emergencyNumbers = [.. current.EmergencyNumbers.Select(System.Text.Encoding.ASCII.GetBytes)];
            _numbersOf = current;
        }

        foreach (var number in _emergencyNumbers)
        {
            if (user.SequenceEqual(number))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the request carries any credentials: then it is a guess to count (<see cref="SourceGuard.Admit"/>).</summary>
    private static bool HasCredentials(SipMessage m, bool register) => m.Has(register ? SipHeaderKind.Authorization : SipHeaderKind.ProxyAuthorization);

    /// <summary>Requests authenticated before they get a transaction: REGISTER, and INVITEs outside a dialog.</summary>
    private static bool NeedsAuthentication(SipMessage m) =>
        m.Method == SipMethod.Register || (m.Method == SipMethod.Invite && m.To.Tag.IsEmpty);

    private void OnMalformed(ReadOnlySpan<byte> data, SipParseError error, SipSource source)
    {
        Interlocked.Increment(ref _malformed);
        metrics.CountParseError(error);
        if (SipBadRequest.TryBuild(data, error, source) is { } response)
        {
            sender.Send(source.Kind, source.Remote, response, source.Connection, null, 0);
        }
    }
}
