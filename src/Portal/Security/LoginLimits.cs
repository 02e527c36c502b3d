namespace Centrex.Portal.Security;

/// <summary>
/// How many password checks one source address gets (<c>serve --http-login-burst</c>, <c>--http-login-rate</c>): each
/// check is a deliberately slow PBKDF2 hash, so without a bound one client spraying logins takes the CPU from the switch
/// and from everyone else's logins. The defaults let an office behind one address log in together.
/// </summary>
/// <param name="Burst">Checks at once after a quiet spell.</param>
/// <param name="PerSecond">Checks a second once the burst is spent.</param>
public sealed record LoginLimits(int Burst, int PerSecond)
{
    /// <summary>20 at once, then 2 a second.</summary>
    public static LoginLimits Default { get; } = new(20, 2);
}
