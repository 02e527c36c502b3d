using System.CommandLine;
using Centrex.Switch;

namespace Centrex.Cli;

/// <summary>
/// <c>centrex serve</c>'s limits on SIP authentication failures (README, "SIP authentication failures"): after how
/// many strikes in 60 s a source address is slowed, and after how many it is blocked for 15 minutes.
/// </summary>
internal sealed class SipAuthOptions
{
    public Option<int> SlowAfter { get; } = new("--sip-auth-slow-after")
    {
        Description = "Authentication failures from one address within 60 s after which its requests are slowed",
        DefaultValueFactory = _ => new SipAuthLimits().SlowAfter,
    };

    public Option<int> BlockAfter { get; } = new("--sip-auth-block-after")
    {
        Description = "Authentication failures (and requests dropped while slowed) from one address within 60 s after which it is blocked for 15 minutes",
        DefaultValueFactory = _ => new SipAuthLimits().BlockAfter,
    };

    /// <summary>Adds both options and the check between them, so a bad pair takes the usual parse-error path (exit 2).</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(SlowAfter);
        command.Options.Add(BlockAfter);
        command.Validators.Add(result =>
        {
            // Command validators run before the options are converted: read what was given (defaults otherwise).
            var defaults = new SipAuthLimits();
            var limits = new SipAuthLimits
            {
                SlowAfter = OptionParsers.TryGiven(result, SlowAfter, OptionValues.IntBetween(int.MinValue, int.MaxValue), out var slow) ? slow : defaults.SlowAfter,
                BlockAfter = OptionParsers.TryGiven(result, BlockAfter, OptionValues.IntBetween(int.MinValue, int.MaxValue), out var block) ? block : defaults.BlockAfter,
            };
            if (Problem(limits) is { } problem)
            {
                result.AddError(problem);
            }
        });
    }

    public SipAuthLimits Read(ParseResult parse) => new() { SlowAfter = parse.GetValue(SlowAfter), BlockAfter = parse.GetValue(BlockAfter) };

    /// <summary>What is wrong with the limits, or null.</summary>
    public static string? Problem(SipAuthLimits limits) =>
        limits.SlowAfter < 1 || limits.BlockAfter < limits.SlowAfter
            ? $"--sip-auth-slow-after ({limits.SlowAfter}) must be at least 1 and --sip-auth-block-after ({limits.BlockAfter}) at least as much"
            : null;
}
