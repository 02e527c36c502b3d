namespace Centrex.Switch.Tests.Sip;

/// <summary>The RFC 4475 and RFC 5118 messages, copied byte for byte from ../shared/sip-torture, and what each should get.</summary>
public static class TortureCorpus
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Torture");

    public static byte[] Read(string name) =>
        File.ReadAllBytes(Path.Combine(Directory, name.Contains('/') ? name : $"rfc4475/{name}.dat"));

    /// <summary>RFC 4475 §3.1.1, §3.2.1, §3.3 accept and §3.4.1, and RFC 5118: these parse.</summary>
    public static TheoryData<string> Valid =>
    [
        "wsinv", "intmeth", "esc01", "escnull", "esc02", "lwsdisp", "longreq", "dblreq", "semiuri", "transports",
        "mpart01", "unreason", "noreason", "badbranch", "unksm2", "bcast", "cparam01", "cparam02", "regescrt", "inv2543",
        "escruri", "baddate", "regbadct", "unkscm", "novelsc", "bext01", "invut", "regaut01", "zeromf", "sdp01",
        "rfc5118/ipv6-good", "rfc5118/port-unambiguous", "rfc5118/via-received-param-with-delim",
        "rfc5118/via-received-param-no-delim", "rfc5118/ipv6-in-sdp", "rfc5118/mult-ip-in-header",
        "rfc5118/mult-ip-in-sdp", "rfc5118/ipv4-mapped-ipv6", "rfc5118/ipv6-correct-abnf-2-colons",
        "rfc5118/port-ambiguous", "rfc5118/ipv6-bug-abnf-3-colons",
    ];

    /// <summary>RFC 4475 §3.1.2 (less trws, which is tolerated), RFC 5118 ipv6-bad, and the §3.3 ones answered 400.</summary>
    public static TheoryData<string, string> Invalid => new()
    {
        { "badinv01", "Malformed Via header" },
        { "clerr", "Content-Length larger than message" },
        { "ncl", "Malformed Content-Length header" },
        { "scalar02", "CSeq number out of range" },
        { "scalarlg", "CSeq number out of range" },
        { "quotbal", "Malformed To header" },
        { "ltgtruri", "Malformed Request-URI" },
        { "lwsruri", "Malformed Request-URI" },
        { "lwsstart", "Malformed start line" },
        { "badaspec", "Malformed To header" },
        { "baddn", "Malformed From header" },
        { "badvers", "Unsupported SIP version" },
        { "mismatch01", "CSeq method does not match request method" },
        { "mismatch02", "CSeq method does not match request method" },
        { "bigcode", "Malformed status code" },
        { "insuf", "Missing From header" },
        { "multi01", "Duplicate CSeq header" },
        { "mcl01", "Duplicate Content-Length header" },
        { "rfc5118/ipv6-bad", "Malformed Request-URI" },
    };

    /// <summary>RFC 4475 §3.3: well-formed requests a UAS refuses with a specific status.</summary>
    public static TheoryData<string, int> Refused => new()
    {
        { "unkscm", 416 },
        { "novelsc", 416 },
        { "bext01", 420 },
        { "invut", 415 },
        { "zeromf", 483 },
        { "sdp01", 406 },
    };
}
