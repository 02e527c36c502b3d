using Centrex.Switch.Admission;

namespace Centrex.Switch.Tests.Admission;

public sealed class SiteAdmissionTests
{
    private const int G711 = 87_200;
    private const int G729 = 31_200;

    private static AdmissionRequest Out(string? site, int bps = 0, bool forwarded = false) => new(site, CallDirection.Outgoing, forwarded, bps);

    private static AdmissionRequest In(string? site, int bps = 0) => new(site, CallDirection.Incoming, false, bps);

    /// <summary>Admits and answers a call (seed 004's limits count connected calls); false when admission refused it.</summary>
    private static bool Connect(SiteAdmission sites, AdmissionRequest request, out AdmissionRefusal refusal)
    {
        if (!sites.TryAdmit(request, out var call, out refusal))
        {
            return false;
        }

        Assert.True(call.TryConnect(out _));
        return true;
    }

    private static bool Connect(SiteAdmission sites, AdmissionRequest request) => Connect(sites, request, out _);

    [Fact]
    public void TryAdmit_OutgoingLimitReached_RefusesNamingTheLimitForTheWarningHeader()
    {
        var sites = new SiteAdmission([new SiteLimits("HQ", MaxOutgoingCalls: 4)]);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(Connect(sites, Out("HQ")));
        }

        Assert.False(sites.TryAdmit(Out("HQ"), out var admission, out var refusal));
        Assert.Null(admission);
        Assert.Equal(AdmissionLimit.OutgoingCalls, refusal.Limit);
        Assert.Equal("site HQ: max outgoing calls 4 reached", refusal.Reason);
        Assert.Equal("399 centrex \"site HQ: max outgoing calls 4 reached\"", refusal.WarningHeaderValue);
        Assert.Equal(4, sites.Usage("HQ").OutgoingCalls);
    }

    [Fact]
    public void TryAdmit_IncomingStillAdmittedWhenOnlyOutgoingIsFull()
    {
        var sites = new SiteAdmission([new SiteLimits("HQ", MaxCalls: 3, MaxOutgoingCalls: 1)]);
        Assert.True(Connect(sites, Out("HQ")));
        Assert.False(sites.TryAdmit(Out("HQ"), out _, out _));
        Assert.True(Connect(sites, In("HQ")));
        Assert.True(Connect(sites, In("HQ")));
        Assert.False(sites.TryAdmit(In("HQ"), out _, out var refusal));
        Assert.Equal(AdmissionLimit.Calls, refusal.Limit);
        Assert.Equal("site HQ: max simultaneous calls 3 reached", refusal.Reason);
    }

    [Fact]
    public void TryAdmit_IncomingLimit_Refuses()
    {
        var sites = new SiteAdmission([new SiteLimits("HQ", MaxIncomingCalls: 1)]);
        Assert.True(Connect(sites, In("HQ")));
        Assert.False(sites.TryAdmit(In("HQ"), out _, out var refusal));
        Assert.Equal(AdmissionLimit.IncomingCalls, refusal.Limit);
    }

    [Fact]
    public void TryAdmit_ForwardedLimit_CountsOnlyForwardedCalls()
    {
        var sites = new SiteAdmission([new SiteLimits("HQ", MaxForwardedCalls: 1)]);
        Assert.True(Connect(sites, Out("HQ", forwarded: true)));
        Assert.True(Connect(sites, Out("HQ")));
        Assert.False(sites.TryAdmit(Out("HQ", forwarded: true), out _, out var refusal));
        Assert.Equal(AdmissionLimit.ForwardedCalls, refusal.Limit);
        Assert.Equal(new SiteUsage(2, 0, 2, 1, 0, 0, 0) { ConnectedCalls = 2 }, sites.Usage("HQ"));
    }

    [Fact]
    public void TryAdmit_BandwidthLimit_TwoG711CallsFitIn200KbpsButNotThree()
    {
        var sites = new SiteAdmission([new SiteLimits("HQ", MaxBandwidthKbps: 200)]);
        Assert.True(sites.TryAdmit(Out("HQ", G711), out _, out _));
        Assert.True(sites.TryAdmit(In("HQ", G711), out _, out _));
        Assert.False(sites.TryAdmit(Out("HQ", G711), out _, out var refusal));
        Assert.Equal(AdmissionLimit.Bandwidth, refusal.Limit);
        Assert.Equal("site HQ: max bandwidth 200 kbps reached", refusal.Reason);
        Assert.False(sites.TryAdmit(Out("HQ", G729), out _, out _)); // 174.4 + 31.2 > 200
        Assert.True(sites.TryAdmit(Out("HQ", 25_600), out _, out _)); // 174.4 + 25.6 = 200 exactly
    }

    [Fact]
    public void TryAdmit_DirectionalBandwidth_RefusesOnlyThatDirection()
    {
        var sites = new SiteAdmission([new SiteLimits("HQ", MaxIncomingBandwidthKbps: 100, MaxOutgoingBandwidthKbps: 40)]);
        Assert.False(sites.TryAdmit(Out("HQ", G711), out _, out var refusal));
        Assert.Equal(AdmissionLimit.OutgoingBandwidth, refusal.Limit);
        Assert.True(sites.TryAdmit(Out("HQ", G729), out _, out _));
        Assert.True(sites.TryAdmit(In("HQ", G711), out _, out _));
        Assert.False(sites.TryAdmit(In("HQ", G729), out _, out refusal));
        Assert.Equal(AdmissionLimit.IncomingBandwidth, refusal.Limit);
    }

    [Fact]
    public void TryAdmit_AtExactlyTheLimit_Admits()
    {
        // 87.2 + 31.2 = 118.4 kbps exactly.
        var sites = new SiteAdmission([new SiteLimits("HQ", MaxBandwidthKbps: 119)]);
        Assert.True(sites.TryAdmit(Out("HQ", G711), out _, out _));
        Assert.True(sites.TryAdmit(Out("HQ", G729), out _, out _));
        Assert.False(sites.TryAdmit(Out("HQ", 601), out _, out _));
        Assert.True(sites.TryAdmit(Out("HQ", 600), out _, out _));
    }

    [Fact]
    public void TryAdmit_NoSiteOrUnknownSite_SharesTheDefaultSite()
    {
        var sites = new SiteAdmission([new SiteLimits(SiteAdmission.DefaultSiteName, MaxCalls: 2), new SiteLimits("HQ")]);
        Assert.True(sites.TryAdmit(Out(null), out var first, out _));
        Assert.True(first.TryConnect(out _));
        Assert.True(Connect(sites, Out("nowhere")));
        Assert.False(sites.TryAdmit(Out(string.Empty), out _, out var refusal));
        Assert.Equal("site Default: max simultaneous calls 2 reached", refusal.Reason);
        Assert.Equal(SiteAdmission.DefaultSiteName, first.Site);
        Assert.True(Connect(sites, Out("HQ")));
        Assert.Equal(2, sites.Usage(null).Calls);
    }

    [Fact]
    public void Release_Twice_GivesTheSlotBackOnce()
    {
        var sites = new SiteAdmission([new SiteLimits("HQ", MaxCalls: 1)]);
        Assert.True(sites.TryAdmit(Out("HQ", G711, forwarded: true), out var admission, out _));
        Assert.True(admission.Release());
        Assert.False(admission.Release());
        Assert.True(admission.IsReleased);
        Assert.True(sites.Usage("HQ").IsIdle);
        Assert.True(Connect(sites, Out("HQ")));
        Assert.False(sites.TryAdmit(Out("HQ"), out _, out _));
    }

    [Fact]
    public void TryChangeBandwidth_AnswerLowersTheReservation_MakingRoomForAnotherCall()
    {
        var sites = new SiteAdmission([new SiteLimits("HQ", MaxBandwidthKbps: 120)]);
        Assert.True(sites.TryAdmit(Out("HQ", G711), out var call, out _));
        Assert.False(sites.TryAdmit(Out("HQ", G711), out _, out _));
        Assert.True(call.TryChangeBandwidth(G729, out _));
        Assert.Equal(G729, call.BandwidthBps);
        Assert.True(sites.TryAdmit(Out("HQ", G711), out var second, out _));
        Assert.Equal(G729 + G711, sites.Usage("HQ").BandwidthBps);

        // A raise past the limit is refused and leaves the reservation as it was.
        Assert.False(call.TryChangeBandwidth(G711, out var refusal));
        Assert.Equal(AdmissionLimit.Bandwidth, refusal.Limit);
        Assert.Equal(G729, call.BandwidthBps);

        call.Release();
        second.Release();
        Assert.True(call.TryChangeBandwidth(G711, out _)); // released: nothing to change
        Assert.True(sites.Usage("HQ").IsIdle);
    }

    [Fact]
    public void Configure_LoweredLimit_KeepsCallsInProgressAndRefusesNewOnes()
    {
        var sites = new SiteAdmission([new SiteLimits("HQ", MaxCalls: 3)]);
        Assert.True(sites.TryAdmit(Out("HQ"), out var a, out _));
        Assert.True(a.TryConnect(out _));
        Assert.True(Connect(sites, Out("HQ")));
        sites.Configure(new SiteLimits("HQ", MaxCalls: 1));
        Assert.False(sites.TryAdmit(Out("HQ"), out _, out _));
        a.Release();
        Assert.False(sites.TryAdmit(Out("HQ"), out _, out _));
        sites.Configure(new SiteLimits("Branch", MaxCalls: 1));
        Assert.True(Connect(sites, Out("Branch")));
        Assert.Equal(1, sites.Usage("HQ").Calls);
    }

    [Fact]
    public void WarningHeaderValue_SiteNameWithQuotesAndLineBreaks_StaysOneQuotedString()
    {
        var refusal = new AdmissionRefusal("A \"B\"\r\nVia: x\\", AdmissionLimit.OutgoingBandwidth, 256);
        Assert.Equal("399 centrex \"site A \\\"B\\\"  Via: x\\\\: max outgoing bandwidth 256 kbps reached\"", refusal.WarningHeaderValue);
    }

    [Fact]
    public void Constructor_SiteTwice_Throws() =>
        Assert.Throws<ArgumentException>(() => new SiteAdmission([new SiteLimits("HQ"), new SiteLimits("HQ")]));

    [Fact]
    public void Constructor_NegativeLimit_Throws() =>
        Assert.Throws<ArgumentException>(() => new SiteAdmission([new SiteLimits("HQ", MaxBandwidthKbps: -1)]));

    [Fact]
    public void TryAdmit_ZeroLimit_RefusesEveryCallOfThatKind()
    {
        var sites = new SiteAdmission([new SiteLimits("HQ", MaxForwardedCalls: 0)]);
        Assert.False(sites.TryAdmit(Out("HQ", forwarded: true), out _, out var refusal));
        Assert.Equal("site HQ: max forwarded calls 0 reached", refusal.Reason);
        Assert.True(sites.TryAdmit(Out("HQ"), out _, out _));
    }

    [Fact]
    public void RingingCalls_BeyondTheLimit_AreAdmittedWhileTheConnectedCallsLeaveRoom_TheFirstHoldTheSlots()
    {
        // Seed 004: a call is refused when the limit's calls "have already been established (calls are in a connected state)".
        var sites = new SiteAdmission([new SiteLimits("HQ", MaxCalls: 2)]);
        var calls = new CallAdmission[4];
        for (var i = 0; i < calls.Length; i++)
        {
            Assert.True(sites.TryAdmit(Out("HQ"), out calls[i]!, out _));
        }

        Assert.Equal((true, true, false, false), (calls[0].HoldsSlot, calls[1].HoldsSlot, calls[2].HoldsSlot, calls[3].HoldsSlot));
        Assert.Equal(new SiteUsage(2, 0, 2, 0, 0, 0, 0) { BorrowingCalls = 2 }, sites.Usage("HQ"));

        // The two first placed hold the slots: answered, they connect; a borrowing call answered now does not fit.
        Assert.False(calls[3].TryConnect(out var refusal));
        Assert.Equal("site HQ: max simultaneous calls 2 reached", refusal.Reason);
        Assert.True(calls[0].TryConnect(out _));

        // One of them ends unanswered: its slot is free for the next answer, wherever it rang.
        calls[1].Release();
        Assert.True(calls[2].TryConnect(out _));
        Assert.Equal(new SiteUsage(2, 0, 2, 0, 0, 0, 0) { ConnectedCalls = 2, BorrowingCalls = 1 }, sites.Usage("HQ"));

        // Now both are connected: the next call is refused at its INVITE, as the seed says.
        Assert.False(sites.TryAdmit(Out("HQ"), out _, out refusal));
        Assert.Equal(AdmissionLimit.Calls, refusal.Limit);
        foreach (var call in calls)
        {
            call.Release();
        }

        Assert.True(sites.Usage("HQ").IsIdle, sites.Usage("HQ").ToString());
    }

    [Fact]
    public void BurstOfAnswers_NeverConnectsMoreThanTheLimit_EachLimitKindCounted()
    {
        var sites = new SiteAdmission([new SiteLimits("HQ", MaxCalls: 5, MaxOutgoingCalls: 3, MaxForwardedCalls: 1)]);
        var outgoing = Enumerable.Range(0, 10).Select(i => sites.TryAdmit(Out("HQ", forwarded: i % 2 == 0), out var c, out _) ? c : throw new InvalidOperationException("admitted")).ToList();
        var incoming = Enumerable.Range(0, 10).Select(i => sites.TryAdmit(In("HQ"), out var c, out _) ? c : throw new InvalidOperationException("admitted")).ToList();

        var random = new Random(15);
        var answered = outgoing.Concat(incoming).OrderBy(_ => random.Next()).Select(c => (Call: c, Connected: c.TryConnect(out _))).ToList();

        Assert.Equal(5, answered.Count(a => a.Connected));
        Assert.True(answered.Count(a => a.Connected && a.Call.Direction == CallDirection.Outgoing) <= 3);
        Assert.True(answered.Count(a => a.Connected && a.Call.Forwarded) <= 1);
        var usage = sites.Usage("HQ");
        Assert.Equal((5, 5, 15), (usage.ConnectedCalls, usage.Calls, usage.BorrowingCalls));
        Assert.True(usage.ForwardedCalls <= 1 && usage.OutgoingCalls <= 3);
    }
}
