using Centrex.Rating.Money;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Tests.Support;
using NodaTime;

using CdrDirection = Centrex.Switch.Admission.CallDirection;

namespace Centrex.Switch.Tests.Transfer;

/// <summary>
/// Who pays after an attended transfer (REFER with Replaces, RFC 3891): the transferor's consultation call is his own
/// call, authorized when he dialed it, and after the transfer it carries the joined call to its end, so he pays the
/// leg he created for its whole length (PortaBilling's rule, as for blind transfer); the caller pays only her own call.
/// </summary>
public sealed partial class TransferTests
{
    [Fact]
    public void AttendedTransfer_ToAnExternalNumber_TheTransferorPaysTheConsultationLegToTheEnd_TheCallerNothing()
    {
        var (invite, ok) = AliceCallsBob();
        _clock.Advance(Duration.FromSeconds(30)); // Alice and Bob: internal, free

        // Bob's consultation call out through the trunk: his own outgoing call (60 mills a started minute, TestTariff).
        var (consultId, bobTag, _, _) = Flows.Invite(_bob, "2125551234");
        var toGateway = _gateway.ReceiveRequest("INVITE").Message;
        _gateway.Send(_gateway.Response(toGateway, 200, "OK", "g1", _carolMedia.Sdp()));
        var consultOk = _bob.ReceiveResponse(200);
        _bob.Send(Flows.InDialog(_bob, consultOk, "ACK", 2));
        _gateway.ReceiveRequest("ACK");
        _clock.Advance(Duration.FromSeconds(20)); // Bob tells the far end who is coming

        var replaces = Uri.EscapeDataString($"{consultId};to-tag={consultOk.Text(consultOk.To.Tag)};from-tag={bobTag}");
        _bob.Send(Refer(invite, $"<sip:2125551234@centrex.test?Replaces={replaces}>"));
        Assert.Equal(202, _bob.ReceiveResponse(202).StatusCode);
        var farEnd = _gateway.ReceiveRequest("INVITE").Message; // re-INVITE in the consultation's dialog
        Assert.Equal(toGateway.Text(toGateway.CallId), farEnd.Text(farEnd.CallId));
        _gateway.Send(_gateway.Response(farEnd, 200, "OK", "g1", _carolMedia.Sdp()));
        _gateway.ReceiveRequest("ACK");
        var aliceReInvite = _alice.ReceiveRequest("INVITE").Message;
        _alice.Send(_alice.Response(aliceReInvite, 200, "OK", "a1", _aliceMedia.Sdp()));
        _alice.ReceiveRequest("ACK");
        var bobRequests = Enumerable.Range(0, 3).Select(_ => _bob.Receive(m => m.IsRequest).Message).ToList(); // NOTIFY, two BYEs
        foreach (var bye in bobRequests.Where(m => m.Method == Centrex.Switch.Sip.SipMethod.Bye))
        {
            _bob.Send(_bob.Response(bye, 200, "OK", "b1"));
        }

        _clock.Advance(Duration.FromSeconds(70)); // Alice and the far end: the consultation leg now 90 s old
        _alice.Send(Flows.InDialog(_alice, ok, "BYE", 3));
        Assert.Equal(200, _alice.ReceiveResponse(200).StatusCode);
        _gateway.ReceiveRequest("BYE");
        Flows.Sync(_alice, _fixture.Switch);
        _fixture.WaitForCdrs(_guard.Token);

        var cdrs = CdrStore.Read(_fixture.Ledger.DataDirectory, _clock.Now - Duration.FromDays(1), _clock.Now + Duration.FromDays(1)).ToList();
        Assert.Equal(2, cdrs.Count);
        var first = cdrs.Single(c => c.Direction == CdrDirection.Incoming);
        Assert.Equal((Bob, 50L, false), (first.Account, first.BillableSeconds, first.IsChargeable)); // ends at the transfer
        var leg = cdrs.Single(c => c.Direction == CdrDirection.Outgoing);
        Assert.Equal((Bob, "12125551234", 90L, CallDisposition.Answered, true), (leg.Account, leg.CalleeNormalized, leg.BillableSeconds, leg.Disposition, leg.IsChargeable));
        Assert.Equal(new Mills(-120), _fixture.Ledger.Store.Balance(Bob)); // two started minutes on the transferor
        Assert.Equal(Mills.Zero, _fixture.Ledger.Store.Balance(Alice));
        Assert.Equal(0, _fixture.Hooks.Balance.Outstanding);
        Assert.Equal(0, _fixture.Switch.ActiveCalls);
    }
}
