namespace Centrex.Provisioning;

/// <summary>Provisioning input that cannot be accepted; the message names the file and the record.</summary>
public sealed class ProvisioningException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProvisioningException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProvisioningException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProvisioningException()
    {
    }
}
