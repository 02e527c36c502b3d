using System.Net;
using Centrex.Switch.Calls;
using Centrex.Switch.Registration;
using Centrex.Switch.Transactions;
using Centrex.Switch.Transport;

namespace Centrex.Switch;

/// <summary>
/// A running switch: transports listening on UDP and TCP, the transaction layer, the registrar and the B2BUA.
/// Dispose to stop: listeners close, loops end.
/// </summary>
public sealed class SipSwitch : IAsyncDisposable
{
    private readonly SipTransports _transports;

    private SipSwitch(SipSwitchSettings settings)
    {
        _transports = new SipTransports(settings.TcpLimits);
        Stack = new SipStack(_transports, settings.Clock);
        settings.AuthLimits.Validate();
        var authenticator = new DigestAuthenticator(settings.Directory, settings.Clock, settings.NonceLifetime, settings.AuthLimits.MaxTrackedNonces);
        var auth = new AuthGuard(authenticator, new AuthFailureTracker(settings.AuthLimits, settings.Clock),
            new AuthFailureLog(settings.AuthLog, settings.Clock), settings.Directory.Realm);
        Registrar = new Registrar(settings.Clock);
        B2bua = new B2bua(Stack, settings.Directory, Registrar, auth, settings.Hooks, settings.Options);
        Stack.Core = B2bua;
        _transports.Start(settings.Endpoint, Stack);
    }

    private int _disposed;

    /// <summary>The bound UDP address (the real port when 0 was asked for).</summary>
    public IPEndPoint UdpEndpoint => _transports.UdpEndpoint!;

    /// <summary>The bound TCP address.</summary>
    public IPEndPoint TcpEndpoint => _transports.TcpEndpoint!;

    /// <summary>Accepted SIP TCP connections open now.</summary>
    public int TcpConnections => _transports.AcceptedConnections;

    /// <summary>SIP TCP connections reset at once because a limit of <see cref="SipSwitchSettings.TcpLimits"/> was reached.</summary>
    public long RefusedTcpConnections => _transports.RefusedConnections;

    internal SipStack Stack { get; }

    internal Registrar Registrar { get; }

    internal B2bua B2bua { get; }

    /// <summary>Calls in progress.</summary>
    public int ActiveCalls
    {
        get
        {
            lock (Stack.Gate)
            {
                return B2bua.ActiveCalls;
            }
        }
    }

    /// <summary>Calls in progress that both parties have answered and acknowledged (the talking phase).</summary>
    public int ConfirmedCalls
    {
        get
        {
            lock (Stack.Gate)
            {
                return B2bua.ConfirmedCalls;
            }
        }
    }

    /// <summary>Messages received that did not parse.</summary>
    public long MalformedMessages
    {
        get
        {
            lock (Stack.Gate)
            {
                return Stack.MalformedCount;
            }
        }
    }

    /// <summary>Binds the transports and starts serving.</summary>
    public static SipSwitch Start(SipSwitchSettings settings) => new(settings);

    /// <inheritdoc/>
    /// <remarks>Calls in progress are ended first (<see cref="B2bua.EndAll"/>): each gets its BYE or 503 and its CDR.</remarks>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return ValueTask.CompletedTask;
        }

        lock (Stack.Gate)
        {
            B2bua.EndAll();
        }

        return _transports.DisposeAsync();
    }
}
