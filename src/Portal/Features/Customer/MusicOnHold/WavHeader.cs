using System.Buffers.Binary;
using System.Text;

namespace Centrex.Portal.Features.Customer.MusicOnHold;

/// <summary>
/// The RIFF structure of a WAV upload checked against the file's length before NAudio reads it (review 16, item 13: a
/// 1,644-byte file whose data chunk claimed about 2 GB was accepted as 100 ms of music). The RIFF size and every
/// chunk's size must fit in the bytes uploaded (RIFF: a chunk is a 4-byte id, a 4-byte little-endian size, the data, and
/// a pad byte after an odd size), and the file must have its <c>fmt </c> and <c>data</c> chunks.
/// </summary>
public static class WavHeader
{
    /// <summary>Why the header does not describe the file uploaded, naming the header field; null when it does.</summary>
    public static string? Problem(ReadOnlySpan<byte> file, string fileName)
    {
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file[8..12].SequenceEqual("WAVE"u8))
        {
            return $"'{fileName}' is not a WAV file: upload music on hold as WAV (RIFF/WAVE; PCM, A-law or µ-law)";
        }

        var declared = BinaryPrimitives.ReadUInt32LittleEndian(file[4..8]) + 8L;
        if (declared > file.Length)
        {
            return $"'{fileName}' is cut short or its header is false: the RIFF size says {declared:N0} bytes, the file has {file.Length:N0}";
        }

        var end = (int)declared;
        var (format, data) = (false, false);
        for (var at = 12; at < end;)
        {
            if (end - at < 8)
            {
                return $"'{fileName}' ends inside a chunk header at byte {at:N0}";
            }

            var id = Encoding.ASCII.GetString(file.Slice(at, 4));
            var size = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(at + 4, 4));
            var left = end - at - 8L;
            if (size > left)
            {
                return $"'{fileName}' is cut short or its header is false: its {Printable(id)} chunk size says {size:N0} bytes, {left:N0} are left in the file";
            }

            format |= id == "fmt ";
            data |= id == "data";
            at += 8 + (int)size + (int)(size & 1);
        }

        return !format ? $"'{fileName}' has no fmt chunk (the WAV header's format)"
            : !data ? $"'{fileName}' has no data chunk (no sound)"
            : null;
    }

    // A chunk id is four ASCII letters; a false one is shown escaped, never as raw bytes.
    private static string Printable(string id) => "\"" + Rating.Csv.PrintableText.Escape(id) + "\"";
}
