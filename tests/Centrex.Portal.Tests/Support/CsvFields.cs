namespace Centrex.Portal.Tests.Support;

/// <summary>A CSV line's fields, as the tests read the portal's downloads back.</summary>
public static class CsvFields
{
    /// <summary>One CSV line's fields (RFC 4180: a quoted field may hold commas and doubled quotes; destinations such as "Korea, Republic of" do).</summary>
    public static string[] Of(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
