using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Api;

/// <summary>
/// The <c>Content-Disposition</c> of every download (invoices, calls, transactions, xDR reports): RFC 6266 §4.3, an
/// ASCII <c>filename</c> for old clients and <c>filename*</c> in the RFC 8187 (formerly 5987) encoding,
/// <c>UTF-8''</c> and percent-encoded bytes, that clients prefer. System.Net.Mime.ContentDisposition wrote RFC 2047
/// (<c>=?utf-8?B?…?=</c>, which browsers show as is) and folded a long name with CRLF, which Kestrel refuses in a header
/// (review of issue 16, finding 3: a customer named <c>Boulangerie-Québec</c> got 500 on its downloads).
/// </summary>
public static class Downloads
{
    /// <summary>Sets the response's <c>Content-Disposition</c> to an attachment named <paramref name="fileName"/>.</summary>
    public static void Name(HttpResponse response, string fileName)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ContentDisposition = Attachment(fileName);
    }

    /// <summary><c>attachment; filename=ASCII; filename*=UTF-8''ENCODED</c>.</summary>
    public static string Attachment(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return $"attachment; filename={Ascii(fileName)}; filename*=UTF-8''{Encoded(fileName)}";
    }

    // The fallback: the accents of Latin letters dropped (é → e, from a table: serve runs with invariant globalization,
    // where string normalization does not decompose), any other character an underscore, so what is left is an RFC 9110
    // token that needs no quotes, as ASP.NET Core writes a plain name (RFC 6266 §4.3: "filename" is for recipients that
    // do not read "filename*").
    private static string Ascii(string name)
    {
        var plain = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var accented = Accented.IndexOf(c, StringComparison.Ordinal);
            plain.Append(accented >= 0 ? Plain[accented] : char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return plain.ToString();
    }

    private const string Accented = "àáâãäåçèéêëìíîïñòóôõöøùúûüýÿœæÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŸŒÆ";
    private const string Plain = "aaaaaaceeeeiiiinoooooouuuuyyoaAAAAAACEEEEIIIINOOOOOOUUUUYYOA";

    // RFC 8187 §3.2.1: attr-char is ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~";
    // every other byte of the UTF-8 is %XX.
    private static string Encoded(string name)
    {
        var encoded = new StringBuilder(name.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "!#$&+-.^_`|~".Contains(c, StringComparison.Ordinal))
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
