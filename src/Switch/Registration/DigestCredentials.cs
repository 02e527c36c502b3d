namespace Centrex.Switch.Registration;

/// <summary>
/// The parameters of an Authorization or Proxy-Authorization header with the Digest scheme (RFC 7616 §3.4,
/// RFC 3261 §25.1 digest-response): comma-separated auth-params, values quoted or tokens.
/// </summary>
internal sealed class DigestCredentials
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    private DigestCredentials()
    {
    }

    public string? this[string name] => _values.GetValueOrDefault(name);

    public static DigestCredentials? TryParse(string header)
    {
        var text = header.AsSpan().Trim();
        if (text.Length < 7 || !text[..6].Equals("Digest", StringComparison.OrdinalIgnoreCase) || !char.IsWhiteSpace(text[6]))
        {
            return null;
        }

        var credentials = new DigestCredentials();
        var rest = text[7..];
        while (!rest.IsEmpty)
        {
            rest = rest.TrimStart(" \t\r\n,");
            var eq = rest.IndexOf('=');
            if (eq <= 0)
            {
                break;
            }

            var name = rest[..eq].Trim().ToString();
            rest = rest[(eq + 1)..].TrimStart();
            string value;
            if (!rest.IsEmpty && rest[0] == '"')
            {
                var builder = new System.Text.StringBuilder();
                var i = 1;
                for (; i < rest.Length && rest[i] != '"'; i++)
                {
                    if (rest[i] == '\\' && i + 1 < rest.Length)
                    {
                        i++;
                    }

                    builder.Append(rest[i]);
                }

                if (i >= rest.Length)
                {
                    return null; // unterminated quoted string
                }

                value = builder.ToString();
                rest = rest[(i + 1)..];
            }
            else
            {
                var comma = rest.IndexOf(',');
                value = (comma < 0 ? rest : rest[..comma]).Trim().ToString();
                rest = comma < 0 ? default : rest[comma..];
            }

            credentials._values[name] = value;
        }

        return credentials;
    }
}
