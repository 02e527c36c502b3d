using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Portal.Features.Shared;

/// <summary>Reads form and query values, putting what is wrong next to the field's name (shown beside the input).</summary>
public static class FormValues
{
    /// <summary>
    /// The last day a date field takes: a range ends at the start of the day after its last day, in the customer's zone
    /// (up to 14 hours behind UTC), and 9999-12-31 has no day after it in NodaTime's calendar: every date-range filter
    /// answered 500 for it (review 16, item 4). A year short of the calendar's end leaves room for every zone.
    /// </summary>
    public static readonly LocalDate LastDate = new(9998, 12, 31);

    /// <summary>A <c>YYYY-MM-DD</c> date up to <see cref="LastDate"/>, or null when empty; a wrong one is named in <paramref name="errors"/>.</summary>
    public static LocalDate? Date(string? text, string field, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        if (parsed.Success && parsed.Value <= LastDate)
        {
            return parsed.Value;
        }

        if (parsed.Success)
        {
            var last = LocalDatePattern.Iso.Format(LastDate);
            errors[field] = $"'{text.Trim()}' is past the last date taken, {last}";
            Localization.Refusals.Note(Localization.Refusals.Current, "date-past-last", errors[field], text.Trim(), last);
        }
        else
        {
            var cut = Rating.Csv.EchoedValue.Cut(text);
            errors[field] = $"'{cut}' is not a date written YYYY-MM-DD";
            Localization.Refusals.Note(Localization.Refusals.Current, "date-format", errors[field], cut);
        }

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
