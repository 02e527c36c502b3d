using System.CommandLine;
using Centrex.Switch.Registration;

namespace Centrex.Cli;

/// <summary>
/// <c>centrex sip-hash</c>: reads a SIP password from standard input and prints the digest hashes the switch
/// directory stores instead (HA1 for MD5 and SHA-256, RFC 7616 §3.4.2), so no password is ever written to a file.
/// </summary>
internal static class SipHashCommand
{
    public static Command Create(CliConsole console)
    {
        var username = new Option<string>("--username") { Description = "SIP user name", Required = true };
        var realm = new Option<string>("--realm") { Description = "Digest realm of the switch directory", Required = true };
        var command = new Command("sip-hash", "Print the ha1Md5 and ha1Sha256 values for a password read from standard input.") { username, realm };
        command.SetAction(parse =>
        {
            var password = Console.In.ReadLine() ?? string.Empty;
            var user = parse.GetRequiredValue(username);
            var r = parse.GetRequiredValue(realm);
            console.Out.WriteLine($"\"ha1Md5\": \"{DigestAuthenticator.Ha1(false, user, r, password)}\", \"ha1Sha256\": \"{DigestAuthenticator.Ha1(true, user, r, password)}\"");
            return ExitCodes.Success;
        });
        return command;
    }
}
