namespace Centrex.Bench.Switch;

/// <summary>
/// The simplest correct way to read a SIP message's headers: decode to a string, split lines, unfold, split at the
/// colon into a dictionary of lists. It checks nothing beyond that, so it is an optimistic baseline.
/// </summary>
public static class NaiveSipParser
{
    public static Dictionary<string, List<string>> Parse(byte[] bytes, out string startLine, out string body)
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        body = text[(split + 4)..];
        var lines = text[..split].Replace("\r\n ", " ").Replace("\r\n\t", " ").Split("\r\n");
        startLine = lines[0];
        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            var name = line[..colon].Trim();
            if (!headers.TryGetValue(name, out var list))
            {
                headers[name] = list = [];
            }

            list.AddRange(line[(colon + 1)..].Split(',').Select(v => v.Trim()));
        }

        return headers;
    }
}
