using System.CommandLine;
using System.Net;

namespace Centrex.Cli;

/// <summary>
/// <c>serve</c>'s SIP over TLS (RFC 3261 §26.2.1): <c>--tls ADDRESS:PORT</c> turns the listener on and needs
/// <c>--tls-cert FILE</c> and <c>--tls-key FILE</c> (PEM, see <see cref="TlsCertificateFiles"/>). The files are read
/// and checked while the command line is parsed, so a missing, unreadable or mismatched pair is a parse error naming
/// its option (exit 2) before anything else starts. Off unless asked for: a listener without a certificate the
/// operator chose would be worse than none.
/// </summary>
internal sealed class SipTlsOptions
{
    public const string CertificateName = "--tls-cert";
    public const string KeyName = "--tls-key";

    public Option<IPEndPoint?> Endpoint { get; } = new("--tls")
    {
        HelpName = "ADDRESS:PORT",
        Description = "Address and port for SIP over TLS, 5061 by convention (port 0: any free port); needs --tls-cert and --tls-key",
        CustomParser = OptionParsers.Of<IPEndPoint?>(OptionValues.TryEndpoint, "is not address:port (e.g. 127.0.0.1:5061, [::1]:0)"),
    };

    public Option<string?> Certificate { get; } = new(CertificateName)
    {
        HelpName = "FILE",
        Description = "PEM file with the TLS server certificate, then any intermediate certificates",
    };

    public Option<string?> Key { get; } = new(KeyName)
    {
        HelpName = "FILE",
        Description = "PEM file with the certificate's private key, unencrypted (keep it readable by the service's user only)",
    };

    /// <summary>Adds the options and the check of the three together (which also reads the files).</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Endpoint);
        command.Options.Add(Certificate);
        command.Options.Add(Key);
        command.Validators.Add(result =>
        {
            var endpoint = result.GetResult(Endpoint) is { Implicit: false };
            var certificate = result.GetResult(Certificate) is { Implicit: false, Tokens.Count: > 0 } c ? c.Tokens[^1].Value : null;
            var key = result.GetResult(Key) is { Implicit: false, Tokens.Count: > 0 } k ? k.Tokens[^1].Value : null;
            if (!endpoint)
            {
                if (certificate is not null || key is not null)
                {
                    result.AddError($"{CertificateName} and {KeyName} need --tls ADDRESS:PORT (the TLS listener is off without it)");
                }

                return;
            }

            if (certificate is null || key is null)
            {
                result.AddError($"--tls needs {CertificateName} FILE and {KeyName} FILE (PEM)");
                return;
            }

            if (TlsCertificateFiles.TryLoad(certificate, key, out var problem) is { } loaded)
            {
                TlsCertificateFiles.Dispose(loaded); // only checked here; the command loads the pair again to serve it
            }
            else
            {
                result.AddError(problem!);
            }
        });
    }

    /// <summary>The TLS listener asked for and its files; null when <c>--tls</c> was not given.</summary>
    public SipTlsFiles? Read(ParseResult parse) =>
        parse.GetValue(Endpoint) is { } endpoint ? new SipTlsFiles(endpoint, parse.GetValue(Certificate)!, parse.GetValue(Key)!) : null;
}
