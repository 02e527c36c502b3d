using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Portal.Features.Shared;

/// <summary>Reads form and query values, putting what is wrong next to the field's name (shown beside the input).</summary>
public static class FormValues
{
    /// <summary>A <c>YYYY-MM-DD</c> date, or null when empty; a wrong one is named in <paramref name="errors"/>.</summary>
    public static LocalDate? Date(string? text, string field, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        if (parsed.Success)
        {
            return parsed.Value;
        }

        errors[field] = $"'{text}' is not a date written YYYY-MM-DD";
        return null;
    }

    /// <summary>A whole number 0 or more, or null when empty.</summary>
    public static long? Number(string? text, string field, string message, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Trim().Length <= 18 && text.Trim().All(char.IsAsciiDigit) && long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        errors[field] = message;
        return null;
    }
}
