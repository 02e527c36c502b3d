namespace Centrex.Cli;

/// <summary>A range of UDP ports, both ends included, as <c>MIN-MAX</c> on the command line.</summary>
/// <param name="Min">First port.</param>
/// <param name="Max">Last port.</param>
internal readonly record struct PortRange(int Min, int Max)
{
    /// <summary><c>MIN-MAX</c>, as given on the command line (and shown as a default in the help).</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Min}-{Max}");
}
