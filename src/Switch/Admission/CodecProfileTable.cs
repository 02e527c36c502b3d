using System.Globalization;
using System.Reflection;
using System.Text;
using Centrex.Rating.Csv;
using Centrex.Switch.Media;

namespace Centrex.Switch.Admission;

/// <summary>
/// The codec connectivity profile (seed 004, Sites page): the bandwidth each codec's call takes, from a CSV file
/// <c>encoding,clock_rate,kbps</c>. The shipped table (<c>Admission/Data/codec-profiles.csv</c>) counts one direction
/// of media at 20 ms packets, every header included; an operator replaces it with their own file. A codec missing
/// from the table counts as the costliest one listed, so an unknown codec can never slip past a bandwidth limit.
/// </summary>
/// <remarks>
/// How the shipped figures are derived (the convention of Cisco's "Voice Over IP - Per Call Bandwidth Consumption",
/// document 7934): bits per second = (payload + 12 RTP + 8 UDP + 20 IPv4 + 18 Ethernet header and FCS) bytes × 8 ×
/// packets per second, i.e. (payload + 58) × 8 × 1000 / ptime ms.
/// <list type="table">
/// <item><term>PCMU, PCMA (G.711, 64 kbit/s)</term><description>160 B / 20 ms: 218 × 8 × 50 = 87,200</description></item>
/// <item><term>G722 (64 kbit/s)</term><description>160 B / 20 ms: 87,200</description></item>
/// <item><term>G729 (8 kbit/s)</term><description>20 B / 20 ms: 78 × 8 × 50 = 31,200</description></item>
/// <item><term>GSM (full rate, 13 kbit/s)</term><description>33 B / 20 ms: 91 × 8 × 50 = 36,400</description></item>
/// <item><term>iLBC (30 ms mode, 13.33 kbit/s, RFC 3952's default)</term><description>50 B / 30 ms: 108 × 8 × 1000 / 30 = 28,800</description></item>
/// <item><term>opus (nominal 32 kbit/s: variable, so an assumption the operator may tune)</term><description>80 B / 20 ms: 138 × 8 × 50 = 55,200</description></item>
/// <item><term>G726-32</term><description>80 B / 20 ms: 55,200</description></item>
/// <item><term>telephone-event, CN</term><description>0: sent only during key presses or silence</description></item>
/// </list>
/// Other figures seen in the wild (iLBC 27.7, GSM 35.6) count a shorter layer-2 header; one rule for every row is
/// what keeps the table comparable.
/// </remarks>
public sealed class CodecProfileTable
{
    /// <summary>The header of a codec profile file.</summary>
    public static readonly IReadOnlyList<string> Header = ["encoding", "clock_rate", "kbps"];

    private readonly CodecProfile[] _profiles;
    private readonly byte[][] _encodings;

    private CodecProfileTable(CodecProfile[] profiles, string source)
    {
        _profiles = profiles;
        _encodings = [.. profiles.Select(p => Encoding.ASCII.GetBytes(p.Encoding))];
        Source = source;
        UnknownCodecBps = profiles.Length == 0 ? 0 : profiles.Max(p => p.BandwidthBps);
    }

    /// <summary>The shipped table.</summary>
    public static CodecProfileTable Default { get; } = LoadDefault();

    /// <summary>Where the table came from.</summary>
    public string Source { get; }

    /// <summary>The profiles, in file order.</summary>
    public IReadOnlyList<CodecProfile> Profiles => _profiles;

    /// <summary>The bandwidth counted for a codec the table does not list: the costliest one it does.</summary>
    public int UnknownCodecBps { get; }

    /// <summary>Loads an operator's table.</summary>
    /// <exception cref="CsvFormatException">The file is malformed (names the line and field).</exception>
    public static CodecProfileTable Load(string path) => Parse(File.ReadAllBytes(path), path);

    /// <summary>Parses a table: <c>encoding,clock_rate,kbps</c>, kbps with at most three decimals.</summary>
    /// <exception cref="CsvFormatException">The content is malformed (names the line and field).</exception>
    public static CodecProfileTable Parse(ReadOnlySpan<byte> content, string source)
    {
        var rows = CsvDocument.Read(content, source, Header);
        var profiles = new List<CodecProfile>(rows.Count);
        foreach (var row in rows)
        {
            var encoding = row.Fields[0];
            if (encoding.Length == 0 || !Ascii.IsValid(encoding) || encoding.Contains('/', StringComparison.Ordinal) || encoding.Contains(' ', StringComparison.Ordinal))
            {
                throw new CsvFormatException(source, row.Line, "encoding", $"'{encoding}' is not an rtpmap encoding name");
            }

            if (!int.TryParse(row.Fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var clockRate) || clockRate <= 0)
            {
                throw new CsvFormatException(source, row.Line, "clock_rate", $"'{row.Fields[1]}' is not a clock rate in Hz");
            }

            // Decimal only at the edge: the text becomes whole bits per second at once.
            if (!decimal.TryParse(row.Fields[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var kbps)
                || kbps * 1000 != decimal.Truncate(kbps * 1000) || kbps > 1_000_000)
            {
                throw new CsvFormatException(source, row.Line, "kbps", $"'{row.Fields[2]}' is not kbps with at most 3 decimals");
            }

            if (profiles.Exists(p => p.ClockRate == clockRate && string.Equals(p.Encoding, encoding, StringComparison.OrdinalIgnoreCase)))
            {
                throw new CsvFormatException(source, row.Line, "encoding", $"{encoding}/{clockRate} is listed twice");
            }

            profiles.Add(new CodecProfile(encoding, clockRate, (int)(kbps * 1000)));
        }

        return new CodecProfileTable([.. profiles], source);
    }

    /// <summary>The profile of an encoding (names compare case-insensitively, RFC 4855 §3).</summary>
    public CodecProfile? Find(ReadOnlySpan<byte> encoding, int clockRate)
    {
        for (var i = 0; i < _profiles.Length; i++)
        {
            if (_profiles[i].ClockRate == clockRate && Ascii.EqualsIgnoreCase(encoding, _encodings[i]))
            {
                return _profiles[i];
            }
        }

        return null;
    }

    /// <summary>
    /// The bandwidth to reserve for an offer: its costliest audio codec, since the answer may pick any of them; the
    /// reservation is lowered to the answer's with <see cref="CallAdmission.TryChangeBandwidth"/>. 0 when the offer
    /// has no audio stream (or refuses it with port 0).
    /// </summary>
    public int OfferBandwidthBps(ReadOnlySpan<byte> sdp)
    {
        if (!SdpReader.TryReadAudio(sdp, out var audio) || audio.Port == 0)
        {
            return 0;
        }

        var most = 0;
        for (var i = 0; i < audio.PayloadTypeCount; i++)
        {
            most = Math.Max(most, BandwidthOf(sdp, audio, audio.PayloadType(i), out _, out _));
        }

        return most;
    }

    /// <summary>What an answer settled on: its first voice codec and the bandwidth to keep reserved.</summary>
    public NegotiatedCodec Negotiated(ReadOnlySpan<byte> answerSdp)
    {
        if (!SdpReader.TryReadAudio(answerSdp, out var audio) || audio.Port == 0)
        {
            return new NegotiatedCodec(string.Empty, 0);
        }

        var most = 0;
        string? first = null;
        for (var i = 0; i < audio.PayloadTypeCount; i++)
        {
            var payloadType = audio.PayloadType(i);
            var bandwidth = BandwidthOf(answerSdp, audio, payloadType, out var profile, out var encoding);
            most = Math.Max(most, bandwidth);
            if (first is null && bandwidth > 0)
            {
                first = profile?.Encoding
                    ?? (encoding.IsEmpty ? payloadType.ToString(CultureInfo.InvariantCulture) : Encoding.ASCII.GetString(encoding));
            }
        }

        return new NegotiatedCodec(first ?? string.Empty, most);
    }

    private int BandwidthOf(ReadOnlySpan<byte> sdp, in SdpAudio audio, int payloadType, out CodecProfile? profile, out ReadOnlySpan<byte> encoding)
    {
        if (!SdpReader.TryGetEncoding(sdp, audio, payloadType, out encoding, out var clockRate))
        {
            profile = null;
            return UnknownCodecBps;
        }

        profile = Find(encoding, clockRate);
        return profile?.BandwidthBps ?? UnknownCodecBps;
    }

    private static CodecProfileTable LoadDefault()
    {
        const string name = "Centrex.Switch.Admission.Data.codec-profiles.csv";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} is missing from the build");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Parse(memory.ToArray(), "codec-profiles.csv (built in)");
    }
}
