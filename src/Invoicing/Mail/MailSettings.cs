using System.Text.Json;
using System.Text.Json.Serialization;

namespace Centrex.Invoicing.Mail;

/// <summary>
/// Where billing's email goes (<c>DATA/mail.json</c>, written by <c>centrex mail configure</c>): an SMTP server and the
/// sender address. The password is never stored: it is read from the environment variable <see cref="PasswordVariable"/>
/// when <see cref="Username"/> is set.
/// </summary>
/// <param name="Host">SMTP server host name or address.</param>
/// <param name="Port">Its port.</param>
/// <param name="Security">How the connection is secured.</param>
/// <param name="From">The sender address, e.g. <c>billing@centrex.example</c>.</param>
/// <param name="Username">User name to authenticate with, or null for none.</param>
public sealed record MailSettings(string Host, int Port, MailSecurity Security, string From, string? Username)
{
    /// <summary>The file in the data directory.</summary>
    public const string FileName = "mail.json";

    /// <summary>The environment variable holding the SMTP password.</summary>
    public const string PasswordVariable = "CENTREX_SMTP_PASSWORD";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The settings of a data directory, or null when email is not configured.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not valid settings (the message names it).</exception>
    public static MailSettings? Load(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var settings = JsonSerializer.Deserialize<MailSettings>(File.ReadAllBytes(path), Json);
            return settings is { Host.Length: > 0, Port: > 0 and < 65536, From.Length: > 0 }
                ? settings
                : throw new InvalidDataException($"{path}: needs host, port (1-65535) and from");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: line {e.LineNumber + 1}: not valid mail settings ({e.Message.Split('.')[0]})", e);
        }
    }

    /// <summary>Writes the settings into the data directory.</summary>
    public void Save(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        File.WriteAllBytes(path + ".partial", JsonSerializer.SerializeToUtf8Bytes(this, Json));
        File.Move(path + ".partial", path, overwrite: true);
    }
}
