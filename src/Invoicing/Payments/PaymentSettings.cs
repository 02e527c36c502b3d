using System.Text.Json;

namespace Centrex.Invoicing.Payments;

/// <summary>
/// Which payment gateway automatic payments go through (<c>DATA/payments.json</c>, written by <c>centrex autopay
/// configure</c>). Only <c>test</c> exists yet (<see cref="TestPaymentGateway"/>: takes no money); without the file no
/// card is ever charged.
/// </summary>
/// <param name="Gateway">The gateway's name.</param>
public sealed record PaymentSettings(string Gateway)
{
    /// <summary>The file in the data directory.</summary>
    public const string FileName = "payments.json";

    /// <summary>The gateways this build has.</summary>
    public static readonly IReadOnlyList<string> Gateways = ["test"];

    /// <summary>The configured gateway of a data directory, or null when automatic payments are off.</summary>
    /// <exception cref="InvalidDataException">The file names no gateway this build has.</exception>
    public static IPaymentGateway? Open(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var settings = JsonSerializer.Deserialize<PaymentSettings>(File.ReadAllBytes(path), Json);
        return settings?.Gateway == "test" ? new TestPaymentGateway(dataDirectory) : throw new InvalidDataException($"{path}: gateway '{settings?.Gateway}' is not one of {string.Join(", ", Gateways)}");
    }

    /// <summary>Writes the settings into the data directory.</summary>
    public void Save(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllBytes(Path.Combine(dataDirectory, FileName), JsonSerializer.SerializeToUtf8Bytes(this, Json));
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };
}
