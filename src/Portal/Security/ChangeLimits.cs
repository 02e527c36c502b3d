namespace Centrex.Portal.Security;

/// <summary>
/// How many changes one customer may send (<c>serve --http-change-burst</c>, <c>--http-change-rate</c>): every change to
/// switch data validates the whole provisioning store and reloads the switch's directory (issue 16 review, item 7: 100
/// PUTs in 13 s, ~21 ms of server CPU each), so one customer's script must not keep the switch reloading for everyone.
/// The defaults leave a person at the pages and a provisioning script of a few dozen changes untouched.
/// </summary>
/// <param name="Burst">Changes at once after a quiet spell.</param>
/// <param name="PerSecond">Changes a second once the burst is spent.</param>
public sealed record ChangeLimits(int Burst, int PerSecond)
{
    /// <summary>30 at once, then 2 a second.</summary>
    public static ChangeLimits Default { get; } = new(30, 2);
}
