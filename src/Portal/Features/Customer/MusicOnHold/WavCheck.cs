using NAudio.Wave;

namespace Centrex.Portal.Features.Customer.MusicOnHold;

/// <summary>
/// Whether an upload is music the switch can play on hold: a WAV file (RIFF/WAVE, read by NAudio's
/// <see cref="WaveFileReader"/>, library first) of linear PCM, IEEE float, A-law or µ-law, mono or stereo, 8 to 48 kHz,
/// with sound in it and at most <see cref="MaxDurationMs"/> long. The media core converts it to the call's codec.
/// </summary>
public static class WavCheck
{
    /// <summary>Longest music accepted: 30 minutes (callers rarely hold longer; the file repeats).</summary>
    public const long MaxDurationMs = 30 * 60 * 1000;

    /// <summary>What the file is, or why it is refused (<see cref="Result.Error"/>).</summary>
    /// <param name="DurationMs">Its length in milliseconds.</param>
    /// <param name="Format">Encoding, rate, bits, channels.</param>
    /// <param name="Error">Why it cannot be music on hold, or null.</param>
    public sealed record Result(long DurationMs, string Format, string? Error);

    public static Result Check(byte[] file, string fileName)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (WavHeader.Problem(file, fileName) is { } header)
        {
            return Refused(string.Empty, header);
        }

        try
        {
            using var reader = new WaveFileReader(new MemoryStream(file, writable: false));
            var f = reader.WaveFormat;
            var format = $"{Encoding(f.Encoding)} {f.SampleRate} Hz {f.BitsPerSample} bit {(f.Channels == 1 ? "mono" : f.Channels == 2 ? "stereo" : f.Channels + " channels")}";
            if (f.Encoding is not (WaveFormatEncoding.Pcm or WaveFormatEncoding.IeeeFloat or WaveFormatEncoding.ALaw or WaveFormatEncoding.MuLaw or WaveFormatEncoding.Extensible))
            {
                return Refused(format, $"'{fileName}' is a WAV file encoded as {f.Encoding}, which cannot be played on hold: save it as PCM, A-law or µ-law");
            }

            if (f.Channels is < 1 or > 2 || f.SampleRate is < 8000 or > 48000 || f.AverageBytesPerSecond <= 0)
            {
                return Refused(format, $"'{fileName}' is {format}: music on hold is mono or stereo, 8,000 to 48,000 Hz");
            }

            // Whole milliseconds from bytes: integers only (Length is at most the 10 MB upload limit, so no overflow).
            var durationMs = reader.Length * 1000 / f.AverageBytesPerSecond;
            return durationMs == 0 ? Refused(format, $"'{fileName}' has no sound in it")
                : durationMs > MaxDurationMs ? Refused(format, $"'{fileName}' plays {durationMs / 60_000} minutes: music on hold is at most {MaxDurationMs / 60_000} minutes")
                : new Result(durationMs, format, null);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or EndOfStreamException or ArgumentException or NotSupportedException)
        {
            return Refused(string.Empty, $"'{fileName}' is not a WAV file: upload music on hold as WAV (RIFF/WAVE; PCM, A-law or µ-law)");
        }
    }

    private static Result Refused(string format, string error) => new(0, format, error);

    private static string Encoding(WaveFormatEncoding e) => e switch
    {
        WaveFormatEncoding.Pcm or WaveFormatEncoding.Extensible => "PCM",
        WaveFormatEncoding.IeeeFloat => "float",
        WaveFormatEncoding.ALaw => "A-law",
        WaveFormatEncoding.MuLaw => "µ-law",
        _ => e.ToString(),
    };
}
