using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
                throw new CsvFormatException(nanpInternational.Source, nanpInternational.Lines[npa], "npa",
                    $"NPA {npa:D3} is listed both as NANP-international and as toll-free ({tollFree.Source}, line {tollFree.Lines[npa]})");
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
        // Checks and copies together, without calling the vectorized span helpers: for numbers of 4 to 16 bytes their
        // call and setup cost more than the work itself.
        Unsafe.SkipInit(out number);
        var length = dialed.Length;
        var skip = 0;
        var prefixOne = 0;
        if (length > 0)
        {
            var first = dialed[0];
            if (first == (byte)'+')
            {
                skip = 1;
            }
            else if (first == (byte)'0' && length >= 3 && dialed[1] == (byte)'1' && dialed[2] == (byte)'1')
            {
                skip = 3; // 011
            }
            else if (first == (byte)'0' && length >= 2 && dialed[1] == (byte)'0')
            {
                skip = 2; // 00
            }
            else if (length == 10 && (uint)(first - '2') <= 7)
            {
                prefixOne = 1;
            }
        }

        var digits = length - skip + prefixOne;
        if ((uint)(digits - 1) >= NormalizedNumber.MaxDigits)
        {
            number.SetLength(0);
            return false;
        }

        ref var target = ref number.FirstDigit;
        target = (byte)'1'; // overwritten below unless a leading 1 was added
        var source = dialed[skip..];
        if (source.Length >= sizeof(ulong))
        {
            // 8 to 15 digits: two overlapping 8-byte words cover them all, checked and copied without a loop, so the
            // varying length costs no mispredicted loop exit. Both stores end at or before byte 15 of the buffer.
            ref var from = ref MemoryMarshal.GetReference(source);
            var head = Unsafe.ReadUnaligned<ulong>(ref from);
            var tail = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref from, source.Length - sizeof(ulong)));
            if (!AreAsciiDigits(head) || !AreAsciiDigits(tail))
            {
                number.SetLength(0);
                return false;
            }

            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, prefixOne), head);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, prefixOne + source.Length - sizeof(ulong)), tail);
        }
        else
        {
            for (var i = 0; i < source.Length; i++)
            {
                var b = source[i];
                if ((uint)(b - '0') > 9)
                {
                    number.SetLength(0);
                    return false;
                }

                // i + prefixOne < digits ≤ 15, inside the 16-byte buffer.
                Unsafe.Add(ref target, i + prefixOne) = b;
            }
        }

        number.SetLength(digits);
        return target == (byte)'1' ? digits == NanpLength : digits >= MinInternationalLength;
    }

    /// <summary>True when all eight bytes of the word are ASCII digits (SWAR: high nibble 3, and still 3 after adding 6).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AreAsciiDigits(ulong word)
    {
        const ulong HighNibbles = 0xF0F0_F0F0_F0F0_F0F0;
        const ulong Threes = 0x3030_3030_3030_3030;
        const ulong Sixes = 0x0606_0606_0606_0606;

        // The first test keeps every byte within 0x30–0x3F, so adding 6 cannot carry into the next byte.
        return (word & HighNibbles) == Threes && ((word + Sixes) & HighNibbles) == Threes;
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
