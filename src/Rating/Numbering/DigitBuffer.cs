using System.Runtime.CompilerServices;

namespace Centrex.Rating.Numbering;

/// <summary>Fixed inline storage for the ASCII digits of an E.164 number (at most 15, E.164 §6.1).</summary>
[InlineArray(Capacity)]
internal struct DigitBuffer
{
    /// <summary>Room for the 15 digits E.164 allows, plus one so the struct is 16 bytes.</summary>
    public const int Capacity = 16;

    private byte _first;
}
