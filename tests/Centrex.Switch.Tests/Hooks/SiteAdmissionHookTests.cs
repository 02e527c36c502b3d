using Centrex.Switch.Hooks;

namespace Centrex.Switch.Tests.Hooks;

/// <summary>Site admission through the B2BUA's hook: limits from the directory, refusals with the Warning text.</summary>
public sealed class SiteAdmissionHookTests
{
    [Fact]
    public void SiteAtItsOutgoingLimit_RefusedWith503NamingTheSiteAndLimit_AdmittedAgainAfterRelease()
    {
        var hook = new SiteAdmissionHook(HookDirectory.Create(maxOutgoing: 2));
        var calls = Enumerable.Range(1, 3).Select(i => HookDirectory.Outgoing($"c{i}", HookDirectory.Prepaid)).ToArray();

        Assert.True(hook.Admit(calls[0], HookDirectory.Sdp("0")).Admitted);
        Assert.True(hook.Admit(calls[1], HookDirectory.Sdp("0")).Admitted);
        Assert.True(hook.Answered(calls[0], HookDirectory.Sdp("0")).Admitted); // seed 004 counts connected calls
        Assert.True(hook.Answered(calls[1], default).Admitted);
        var refused = hook.Admit(calls[2], HookDirectory.Sdp("0"));

        Assert.False(refused.Admitted);
        Assert.Equal(503, refused.Status);
        Assert.Equal("site Head office: max outgoing calls 2 reached", refused.Warning);
        Assert.Equal(2, hook.Usage("hq").OutgoingCalls);

        hook.Release(calls[0]);
        hook.Release(calls[0]); // every end path may release: the second does nothing
        Assert.Equal(1, hook.Usage("hq").OutgoingCalls);
        Assert.True(hook.Admit(calls[2], HookDirectory.Sdp("0")).Admitted);
    }

    [Fact]
    public void SiteLimitChangedByProvisioning_AppliesToTheNextCall_CallsInProgressKeepTheirSlots()
    {
        var live = new Centrex.Switch.Provisioning.LiveSwitchDirectory(HookDirectory.Create(maxOutgoing: 2));
        var hook = new SiteAdmissionHook(live);
        var calls = Enumerable.Range(1, 4).Select(i => HookDirectory.Outgoing($"l{i}", HookDirectory.Prepaid)).ToArray();
        Assert.True(hook.Admit(calls[0], default).Admitted);
        Assert.True(hook.Admit(calls[1], default).Admitted);
        Assert.True(hook.Answered(calls[0], default).Admitted);
        Assert.True(hook.Answered(calls[1], default).Admitted);

        live.Replace(HookDirectory.Create(maxOutgoing: 1)); // lowered below what is up: both calls stay counted
        var refused = hook.Admit(calls[2], default);
        Assert.False(refused.Admitted);
        Assert.Equal("site Head office: max outgoing calls 1 reached", refused.Warning);
        Assert.Equal(2, hook.Usage("hq").OutgoingCalls);
        hook.Release(calls[0]);
        Assert.False(hook.Admit(calls[2], default).Admitted); // one still up: at the new limit

        live.Replace(HookDirectory.Create(maxOutgoing: 3)); // raised: room at once
        Assert.True(hook.Admit(calls[2], default).Admitted);
        Assert.True(hook.Admit(calls[3], default).Admitted);
        Assert.Equal(3, hook.Usage("hq").OutgoingCalls);
    }

    [Fact]
    public void AccountWithoutASite_SharesTheDefaultSitesLimits()
    {
        var hook = new SiteAdmissionHook(HookDirectory.Create(defaultMaxCalls: 1));

        var d1 = HookDirectory.Outgoing("d1", HookDirectory.NoSite, siteId: "default");
        Assert.True(hook.Admit(d1, default).Admitted);
        Assert.True(hook.Answered(d1, default).Admitted);
        var refused = hook.Admit(HookDirectory.Outgoing("d2", HookDirectory.NoSite, siteId: "default"), default);

        Assert.False(refused.Admitted);
        Assert.Equal("site Default: max simultaneous calls 1 reached", refused.Warning);
        Assert.True(hook.Admit(HookDirectory.Outgoing("h1", HookDirectory.Prepaid), default).Admitted); // hq has its own limits
    }

    [Fact]
    public void Answer_LowersTheReservationToTheNegotiatedCodec_MakingRoomForAnotherCall()
    {
        // 100 kbps: an offer of G.711 and G.729 reserves G.711 (87.2 kbps); a second G.729 call (31.2) would exceed it.
        var hook = new SiteAdmissionHook(HookDirectory.Create(maxKbps: 100));
        var first = HookDirectory.Outgoing("b1", HookDirectory.Prepaid);
        var second = HookDirectory.Outgoing("b2", HookDirectory.Prepaid);

        Assert.True(hook.Admit(first, HookDirectory.Sdp("0 18")).Admitted);
        Assert.Equal(87_200, hook.Usage("hq").BandwidthBps);
        var tooMuch = hook.Admit(second, HookDirectory.Sdp("18"));
        Assert.False(tooMuch.Admitted);
        Assert.Equal("site Head office: max bandwidth 100 kbps reached", tooMuch.Warning);

        Assert.True(hook.Answered(first, HookDirectory.Sdp("18")).Admitted);
        Assert.Equal(31_200, hook.Usage("hq").BandwidthBps);
        Assert.True(hook.Admit(second, HookDirectory.Sdp("18")).Admitted);
        Assert.Equal(62_400, hook.Usage("hq").BandwidthBps);

        hook.Release(first);
        hook.Release(second);
        Assert.True(hook.Usage("hq").IsIdle);
    }

    [Fact]
    public void RingingCallBeyondTheLimit_AnsweredWhenTheSlotsAreFull_IsRefusedNamingTheLimit()
    {
        var hook = new SiteAdmissionHook(HookDirectory.Create(maxOutgoing: 1));
        var first = HookDirectory.Outgoing("r1", HookDirectory.Prepaid);
        var second = HookDirectory.Outgoing("r2", HookDirectory.Prepaid);
        Assert.True(hook.Admit(first, default).Admitted);
        Assert.True(hook.Admit(second, default).Admitted); // nothing is connected yet: it may ring

        var late = hook.Answered(second, default);
        Assert.False(late.Admitted);
        Assert.Equal("site Head office: max outgoing calls 1 reached", late.Warning);
        Assert.True(hook.Answered(first, default).Admitted);
        Assert.Equal(1, hook.Usage("hq").ConnectedCalls);
        hook.Release(first);
        hook.Release(second);
        Assert.True(hook.Usage("hq").IsIdle);
    }
}
