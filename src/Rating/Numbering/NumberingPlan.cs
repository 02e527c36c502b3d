using System.Runtime.CompilerServices;
using Centrex.Rating.Csv;

namespace Centrex.Rating.Numbering;

/// <summary>
/// North American numbering plan rules: normalizes a dialed number to E.164 digits and classifies it
/// (domestic, NANP-international, toll-free, international) by its NPA.
/// </summary>
public sealed class NumberingPlan
{
    /// <summary>Digits in a NANP number with its country code: 1 + NPA + NXX + line (ATIS-0300115).</summary>
    public const int NanpLength = 11;

    /// <summary>Shortest non-NANP number accepted (short international numbers, e.g. some island nations, have 4+ digits after the country code is counted).</summary>
    public const int MinInternationalLength = 4;

    private readonly NumberClass[] _classByNpa;

    private NumberingPlan(NumberClass[] classByNpa) => _classByNpa = classByNpa;

    /// <summary>The plan built from the shipped NPA tables (see <c>src/Rating/Data</c>).</summary>
    public static NumberingPlan Default { get; } = FromTables(NpaTable.DefaultTollFree, NpaTable.DefaultNanpInternational);

    /// <summary>Builds a plan from NPA tables; an NPA may not appear in both.</summary>
    public static NumberingPlan FromTables(NpaTable tollFree, NpaTable nanpInternational)
    {
        var classes = new NumberClass[1000];
        foreach (var npa in tollFree.Npas)
        {
            classes[npa] = NumberClass.TollFree;
        }

        foreach (var npa in nanpInternational.Npas)
        {
            if (classes[npa] == NumberClass.TollFree)
            {
                throw new CsvFormatException(nanpInternational.Source, 0, "npa",
                    $"NPA {npa:D3} is listed both as toll-free ({tollFree.Source}) and as NANP-international");
            }

            classes[npa] = NumberClass.NanpInternational;
        }

        return new NumberingPlan(classes);
    }

    /// <summary>
    /// Normalizes a dialed number to E.164 digits using North American dialing rules, in this order: strip a leading
    /// <c>+</c>; else strip a leading <c>011</c>; else strip a leading <c>00</c>; else a 10-digit number whose first
    /// digit is 2–9 gets a leading <c>1</c>. The result must be ASCII digits only; one starting with 1 must have exactly
    /// 11 digits, any other 4 to 15. Returns false for anything else (malformed).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryNormalize(ReadOnlySpan<byte> dialed, out NormalizedNumber number)
    {
        number = default;
        var digits = dialed;
        var prefixOne = false;
        if (digits.Length > 0 && digits[0] == (byte)'+')
        {
            digits = digits[1..];
        }
        else if (digits.StartsWith("011"u8))
        {
            digits = digits[3..];
        }
        else if (digits.StartsWith("00"u8))
        {
            digits = digits[2..];
        }
        else if (digits.Length == 10 && (uint)(digits[0] - '2') <= 7)
        {
            prefixOne = true;
        }

        var length = digits.Length + (prefixOne ? 1 : 0);
        if (length > NormalizedNumber.MaxDigits || digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            return false;
        }

        var storage = number.Storage;
        if (prefixOne)
        {
            storage[0] = (byte)'1';
            digits.CopyTo(storage[1..]);
        }
        else
        {
            digits.CopyTo(storage);
        }

        var valid = storage[0] == (byte)'1' ? length == NanpLength : length >= MinInternationalLength;
        number.SetLength(length);
        return valid;
    }

    /// <summary>Classifies a normalized number: outside country code 1 is international; inside, the NPA decides.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public NumberClass Classify(in NormalizedNumber number)
    {
        var digits = number.Digits;
        if (digits.Length != NanpLength || digits[0] != (byte)'1')
        {
            return NumberClass.International;
        }

        var npa = ((digits[1] - '0') * 100) + ((digits[2] - '0') * 10) + (digits[3] - '0');
        return _classByNpa[npa];
    }

    /// <summary>The class a NANP area code (NPA) is billed as.</summary>
    public NumberClass ClassOfNpa(int npa) =>
        (uint)npa < 1000 ? _classByNpa[npa] : throw new ArgumentOutOfRangeException(nameof(npa), npa, "an NPA has three digits");
}
