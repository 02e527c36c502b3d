namespace Centrex.Provisioning;

/// <summary>
/// Provisioning input that cannot be accepted; the message names the file and the record. A long message has its
/// values cut short (<see cref="Rating.Csv.EchoedValue.CutLong"/>): it is shown in pages and API answers.
/// </summary>
public sealed class ProvisioningException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProvisioningException(string message)
        : base(Rating.Csv.EchoedValue.CutLong(message))
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProvisioningException(string message, Exception inner)
        : base(Rating.Csv.EchoedValue.CutLong(message), inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProvisioningException()
    {
    }
}
