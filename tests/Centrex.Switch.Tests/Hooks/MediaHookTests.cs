using System.Net;
using System.Text;
using Centrex.Switch.Calls;
using Centrex.Switch.Hooks;
using Centrex.Switch.Media;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Hooks;

/// <summary>The media core seen through the B2BUA's hook: SDP rewritten by a real relay on loopback, or left alone.</summary>
public sealed class MediaHookTests
{
    [Fact]
    public void Relay_RewritesOfferAndAnswerToTheRelay_AndRunsOutOfPortsToDirectMedia()
    {
        var first = UdpParty.FreeRange(4); // one call's two port pairs
        using var hook = new MediaHook(MediaCoreFactory.Create(new MediaOptions(MediaMode.Relay, IPAddress.Loopback, first, first + 3)));
        var call = HookDirectory.Outgoing("m1", HookDirectory.Prepaid);

        using (var session = hook.Open(call))
        {
            var offer = Encoding.ASCII.GetString(session.RewriteOffer(HookDirectory.Sdp("0", port: 40000)).Span);
            var answer = Encoding.ASCII.GetString(session.RewriteAnswer(HookDirectory.Sdp("0", port: 40002)).Span);

            Assert.Contains("c=IN IP4 127.0.0.1\r\n", offer, StringComparison.Ordinal);
            Assert.Contains("c=IN IP4 127.0.0.1\r\n", answer, StringComparison.Ordinal);
            Assert.DoesNotContain("m=audio 40000 ", offer, StringComparison.Ordinal);
            Assert.DoesNotContain("m=audio 40002 ", answer, StringComparison.Ordinal);

            // The relay's two pairs are taken: a second call still goes through, with its SDP untouched.
            using var second = hook.Open(HookDirectory.Outgoing("m2", HookDirectory.Prepaid));
            var sdp = HookDirectory.Sdp("0");
            Assert.Equal(sdp, second.RewriteOffer(sdp));
            Assert.Equal(1, hook.Unrelayed);
        }

        using var again = hook.Open(HookDirectory.Outgoing("m3", HookDirectory.Prepaid)); // closing gave the ports back
        Assert.IsNotType<PassThroughHooks>(again);
        Assert.Equal(1, hook.Unrelayed);
    }

    [Fact]
    public void Direct_LeavesTheSdpAsItIs()
    {
        using var hook = new MediaHook(MediaCoreFactory.Create(new MediaOptions(MediaMode.Direct)));
        using var session = hook.Open(HookDirectory.Outgoing("d1", HookDirectory.Prepaid));
        var sdp = HookDirectory.Sdp("0 18");

        Assert.Equal(Encoding.ASCII.GetString(sdp.Span), Encoding.ASCII.GetString(session.RewriteOffer(sdp).Span));
        Assert.Equal(Encoding.ASCII.GetString(sdp.Span), Encoding.ASCII.GetString(session.RewriteAnswer(sdp).Span));
    }
}
