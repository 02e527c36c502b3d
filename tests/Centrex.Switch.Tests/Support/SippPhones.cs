using System.Diagnostics;
using System.Net;
using SippRunner = Centrex.Switch.Tests.Sipp.Sipp;

namespace Centrex.Switch.Tests.Support;

/// <summary>sipp phones of the test lines: registered with digest, and their scenarios finished and checked.</summary>
internal static class SippPhones
{
    /// <summary>Each of <paramref name="accounts"/> registers from the port of the same index (sipp's register scenario).</summary>
    public static void Register(IPEndPoint target, IReadOnlyList<string> accounts, IReadOnlyList<int> ports)
    {
        for (var i = 0; i < accounts.Count; i++)
        {
            var registered = SippRunner.Run("register", target, ports[i], "-s", accounts[i], "-au", accounts[i], "-ap", SwitchFixture.Password);
            Assert.True(registered.ExitCode == 0, registered.Output);
        }
    }

    /// <summary>Waits for each phone's scenario to end and checks that it passed, naming the phone that did not.</summary>
    public static void Finish(params (string Name, Process Phone)[] phones)
    {
        foreach (var (name, phone) in phones)
        {
            var result = SippRunner.Finish(phone);
            Assert.True(result.ExitCode == 0, $"{name} phone: {result.Output}");
        }
    }
}
