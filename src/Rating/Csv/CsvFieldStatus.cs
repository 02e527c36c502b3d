namespace Centrex.Rating.Csv;

/// <summary>Outcome of splitting one CSV record into fields.</summary>
public enum CsvFieldStatus
{
    /// <summary>All fields were split.</summary>
    Ok,

    /// <summary>The record has more fields than the caller has room for (a wrong column count).</summary>
    TooManyFields,

    /// <summary>A quoted field is not closed, or text follows its closing quote before the next comma.</summary>
    BadQuote,
}
