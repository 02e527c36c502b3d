using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using Centrex.Switch;
using Centrex.Switch.Provisioning;

namespace Centrex.Cli;

/// <summary>
/// <c>centrex serve</c>: runs the SIP switch (UDP and TCP on one address) on a data directory and a switch directory
/// file, prints the bound addresses on standard output (so callers can ask for port 0), and stops cleanly on Ctrl+C
/// or SIGTERM.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var sip = new Option<string>("--sip") { Description = "Address and port to listen on for SIP over UDP and TCP (port 0: any free port)", DefaultValueFactory = _ => "127.0.0.1:5060" };
        var data = DataOption.Create();
        var directory = new Option<string?>("--directory") { Description = "Switch directory JSON (accounts, credentials, dial plans, trunks, sites); default DATA/switch.json" };
        var command = new Command("serve", "Run the SIP switch until Ctrl+C.") { sip, data, directory };
        command.SetAction(parse => Execute(console, parse.GetValue(sip)!, parse.GetValue(data)!, parse.GetValue(directory)));
        return command;
    }

    public static int Execute(CliConsole console, string sip, string data, string? directoryPath)
    {
        if (!IPEndPoint.TryParse(sip, out var endpoint))
        {
            console.Error.WriteLine($"centrex serve: --sip {sip}: not an IP address and port");
            return ExitCodes.BadInput;
        }

        directoryPath ??= Path.Combine(data, "switch.json");
        ISwitchDirectory directory;
        try
        {
            Directory.CreateDirectory(data);
            directory = JsonSwitchDirectory.Load(directoryPath);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"centrex serve: {e.Message}");
            return ExitCodes.BadInput;
        }

        SipSwitch sipSwitch;
        try
        {
            sipSwitch = SipSwitch.Start(new SipSwitchSettings(endpoint, directory));
        }
        catch (System.Net.Sockets.SocketException e)
        {
            console.Error.WriteLine($"centrex serve: cannot listen on {endpoint}: {e.Message}");
            return ExitCodes.Failure;
        }

        using var interrupt = console.CancelOnInterrupt();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(interrupt.Token);
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        console.Out.WriteLine($"sip udp {sipSwitch.UdpEndpoint}");
        console.Out.WriteLine($"sip tcp {sipSwitch.TcpEndpoint}");
        console.Out.Flush();
        try
        {
            stop.Token.WaitHandle.WaitOne();
        }
        finally
        {
            sipSwitch.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        console.Error.WriteLine("centrex serve: stopped");
        return ExitCodes.Success;
    }
}
