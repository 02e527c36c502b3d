namespace Centrex.Switch.Media;

/// <summary>The static audio payload types of RFC 3551 §6, Table 4 (used when an offer has no <c>a=rtpmap</c> for them).</summary>
internal static class StaticPayloadTypes
{
    public static bool TryGet(int payloadType, out ReadOnlySpan<byte> encoding, out int clockRate)
    {
        clockRate = 8000;
        encoding = payloadType switch
        {
            0 => "PCMU"u8,
            3 => "GSM"u8,
            4 => "G723"u8,
            5 => "DVI4"u8,
            7 => "LPC"u8,
            8 => "PCMA"u8,
            9 => "G722"u8, // RFC 3551 §4.5.2: clock rate 8000 although sampled at 16 kHz
            12 => "QCELP"u8,
            13 => "CN"u8,
            15 => "G728"u8,
            18 => "G729"u8,
            _ => default,
        };
        return !encoding.IsEmpty;
    }
}
