using System.CommandLine;
using System.Net;

namespace Centrex.Cli;

/// <summary>
/// A TLS listener's options on <c>serve</c>: <c>--tls ADDRESS:PORT</c> with <c>--tls-cert FILE</c> and <c>--tls-key FILE</c>
/// for SIP over TLS (RFC 3261 §26.2.1), and <c>--https ADDRESS:PORT</c> with <c>--https-cert FILE</c> and
/// <c>--https-key FILE</c> for the self-care portal (issue 16: cookies Secure when over TLS). The address turns the
/// listener on and needs both files (PEM, see <see cref="TlsCertificateFiles"/>). The files are read and checked while
/// the command line is parsed, so a missing, unreadable or mismatched pair is a parse error naming its option (exit 2)
/// before anything else starts. Off unless asked for: a listener without a certificate the operator chose would be
/// worse than none.
/// </summary>
internal sealed class TlsListenerOptions
{
    private TlsListenerOptions(string endpointName, string description)
    {
        EndpointName = endpointName;
        CertificateName = endpointName + "-cert";
        KeyName = endpointName + "-key";
        Endpoint = new Option<IPEndPoint?>(endpointName)
        {
            HelpName = "ADDRESS:PORT",
            Description = $"{description} (port 0: any free port); needs {CertificateName} and {KeyName}",
            CustomParser = OptionParsers.Of<IPEndPoint?>(OptionValues.TryEndpoint, "is not address:port (e.g. 127.0.0.1:5061, [::1]:0)"),
        };
        Certificate = new Option<string?>(CertificateName)
        {
            HelpName = "FILE",
            Description = "PEM file with the TLS server certificate, then any intermediate certificates",
        };
        Key = new Option<string?>(KeyName)
        {
            HelpName = "FILE",
            Description = "PEM file with the certificate's private key, unencrypted (keep it readable by the service's user only)",
        };
    }

    /// <summary>SIP over TLS: <c>--tls</c>, <c>--tls-cert</c>, <c>--tls-key</c>.</summary>
    public static TlsListenerOptions Sip() => new("--tls", "Address and port for SIP over TLS, 5061 by convention");

    /// <summary>The portal and API over HTTPS: <c>--https</c>, <c>--https-cert</c>, <c>--https-key</c>.</summary>
    public static TlsListenerOptions Https() => new("--https", "Address and port of the HTTPS listener: the self-care portal and REST API over TLS, 443 by convention");

    public string EndpointName { get; }

    public string CertificateName { get; }

    public string KeyName { get; }

    public Option<IPEndPoint?> Endpoint { get; }

    public Option<string?> Certificate { get; }

    public Option<string?> Key { get; }

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
                    result.AddError($"{CertificateName} and {KeyName} need {EndpointName} ADDRESS:PORT (the TLS listener is off without it)");
                }

                return;
            }

            if (certificate is null || key is null)
            {
                result.AddError($"{EndpointName} needs {CertificateName} FILE and {KeyName} FILE (PEM)");
                return;
            }

            if (TlsCertificateFiles.TryLoad(certificate, key, CertificateName, KeyName, out var problem) is { } loaded)
            {
                TlsCertificateFiles.Dispose(loaded); // only checked here; the command loads the pair again to serve it
            }
            else
            {
                result.AddError(problem!);
            }
        });
    }

    /// <summary>The TLS listener asked for and its files; null when its address was not given.</summary>
    public TlsListenerFiles? Read(ParseResult parse) =>
        parse.GetValue(Endpoint) is { } endpoint ? new TlsListenerFiles(endpoint, parse.GetValue(Certificate)!, parse.GetValue(Key)!, CertificateName, KeyName) : null;
}
