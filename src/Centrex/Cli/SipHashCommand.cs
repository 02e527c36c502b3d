using System.CommandLine;
using Centrex.Switch.Registration;

namespace Centrex.Cli;

/// <summary>
/// <c>centrex sip-hash</c>: reads a SIP password from standard input and prints the digest hashes provisioning stores
/// instead (HA1 for MD5 and SHA-256, RFC 7616 §3.4.2) as the fields of an account's <c>sip</c> object, so no password
/// is ever written to a file.
/// </summary>
internal static class SipHashCommand
{
    public static Command Create(CliConsole console)
    {
        var username = new Option<string>("--username") { Description = "SIP user name", Required = true };
        var realm = new Option<string>("--realm") { Description = "The switch's digest realm (provisioning's switch.realm; default centrex)", Required = true };
        var command = new Command("sip-hash", "Print the ha1_md5 and ha1_sha256 fields of an account's sip object for a password read from standard input.") { username, realm };
        command.SetAction(parse =>
        {
            var password = Console.In.ReadLine() ?? string.Empty;
            var user = parse.GetRequiredValue(username);
            var r = parse.GetRequiredValue(realm);
            console.Out.WriteLine($"\"ha1_md5\": \"{DigestAuthenticator.Ha1(false, user, r, password)}\", \"ha1_sha256\": \"{DigestAuthenticator.Ha1(true, user, r, password)}\"");
            return ExitCodes.Success;
        });
        return command;
    }
}
