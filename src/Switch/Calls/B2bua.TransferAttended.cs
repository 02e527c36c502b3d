using Centrex.Switch.Transactions;

namespace Centrex.Switch.Calls;

/// <summary>
/// Attended transfer (RFC 3891): the transferor consulted the target in a second call and sends REFER in the first
/// with <c>Refer-To: &lt;target?Replaces=...&gt;</c> naming its own dialog of the consultation call (the Call-ID the
/// transferor sees, its tags). The switch is both ends of that dialog, so it matches it here (either of the
/// consultation call's legs, by Call-ID, with the tags checked) instead of sending an INVITE with Replaces anywhere:
/// the target's side of the consultation call is re-INVITEd toward the transferee and moved into the transferred call.
/// Both calls of the transferor are in its partition (a phone's requests go to its own customer's partition).
/// </summary>
internal sealed partial class B2bua
{
    private void OnAttendedRefer(ServerTransaction refer, Call call, bool transferorIsCaller, ReplacesDialog replaces)
    {
        if (!_calls.TryGetValue(replaces.CallId, out var consult) || ReferenceEquals(consult, call) || consult.State != CallState.Answered
            || consult.Transfer is not null || consult.PendingOffer is not null || !TagsMatch(consult, replaces))
        {
            // RFC 3891 §3: an INVITE with Replaces naming no confirmed dialog gets 481; the transferor hears that in the NOTIFY.
            refer.Respond(202, "Accepted");
            var failed = new Transfer(call, transferorIsCaller);
            Notify(failed, 481, "Call/Transaction Does Not Exist", final: true);
            return;
        }

        // The transferor is the side of the consultation call whose dialog the Replaces names; the target is the other.
        var transferorIsConsultCaller = SideHeaders(consult, true).CallId == replaces.CallId;
        var targetIsCaller = !transferorIsConsultCaller;
        var transfer = new Transfer(call, transferorIsCaller)
        {
            Consult = consult,
            TargetIsConsultCaller = targetIsCaller,
            Target = SideHeaders(consult, targetIsCaller),
            TargetContact = targetIsCaller ? consult.ARemoteTarget : consult.BRemoteTarget,
            TargetKind = targetIsCaller ? consult.ASource.Kind : consult.BKind,
            TargetDestination = targetIsCaller ? consult.ASource.Remote : consult.BDestination,
            TargetConnection = targetIsCaller ? consult.ASource.Connection : consult.BConnection,
            TargetAccount = targetIsCaller ? consult.AAccount : consult.BAccount,
            Segment = consult.Info, // the consultation leg keeps its CDR and its payer to the end of the merged call
            Admitted = consult.Admitted,
            MaxDuration = consult.MaxDuration,
            HandedOver = consult.HandedOver,
        };
        refer.Respond(202, "Accepted");
        call.Transfer = transfer;
        consult.Transfer = transfer;
        consult.Admitted = false; // its admission goes with the leg into the merged call
        Notify(transfer, 100, "Trying", final: false);

        // A new media session for the merged call: both the relay sides of the old calls are latched to the transferor.
        transfer.Media = _hooks.Media.Open(call.Info with { Id = NewCallId() });
        var remainingSdp = transferorIsCaller ? call.Answer : call.Offer;
        var offer = transferorIsCaller ? transfer.Media.RewriteAnswer(remainingSdp) : transfer.Media.RewriteOffer(remainingSdp);
        var branch = _stack.NewBranch();
        if (targetIsCaller)
        {
            transfer.TargetCSeq = ++consult.ALocalCSeq;
            transfer.Invite = _stack.SendRequest(BuildARequest(consult, "INVITE", transfer.TargetCSeq, branch, null, offer), branch,
                consult.ASource.Kind, consult.ASource.Remote, consult.ASource.Connection, this, transfer);
        }
        else
        {
            transfer.TargetCSeq = ++consult.BLocalCSeq;
            transfer.Invite = _stack.SendRequest(BuildBRequest(consult, "INVITE", transfer.TargetCSeq, branch, null, null, offer), branch,
                consult.BKind, consult.BDestination!, consult.BConnection, this, transfer);
        }
    }

    /// <summary>
    /// The Replaces tags are the transferor's view of its dialog with the switch: one is the switch's tag on that leg, the
    /// other the transferor's; which is which depends on who sent the request, so either order matches.
    /// </summary>
    private static bool TagsMatch(Call consult, ReplacesDialog replaces)
    {
        var side = SideHeaders(consult, SideHeaders(consult, true).CallId == replaces.CallId);
        bool Has(string header, string tag) => header.Contains(";tag=" + tag, StringComparison.Ordinal);
        return (Has(side.From, replaces.ToTag) && Has(side.To, replaces.FromTag)) || (Has(side.From, replaces.FromTag) && Has(side.To, replaces.ToTag));
    }
}
