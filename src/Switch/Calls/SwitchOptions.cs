using NodaTime;

namespace Centrex.Switch.Calls;

/// <summary>Call-control settings.</summary>
public sealed record SwitchOptions
{
    /// <summary>Every call ends at 120 minutes regardless (seed 001: "All calls, inbound and outbound, are limited to 120 minutes").</summary>
    public Duration MaxCallDuration { get; init; } = Duration.FromMinutes(120);

    /// <summary>How long the callee may ring before the caller gets 480.</summary>
    public Duration NoAnswerTimeout { get; init; } = Duration.FromSeconds(60);

    /// <summary>
    /// Where settings changed by star code are kept (the provisioning store in <c>serve</c>); null: they last as long as
    /// the switch runs.
    /// </summary>
    public Provisioning.ILineSettingsStore? LineSettings { get; init; }
}
