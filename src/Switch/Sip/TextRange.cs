namespace Centrex.Switch.Sip;

/// <summary>A slice of a message's bytes by offset and length, so a parsed message holds no copies.</summary>
internal readonly record struct TextRange(int Start, int Length)
{
    public static TextRange Empty => default;

    public bool IsEmpty => Length == 0;

    public int End => Start + Length;
}
