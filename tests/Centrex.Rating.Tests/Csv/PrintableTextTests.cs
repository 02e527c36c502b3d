using Centrex.Rating.Csv;

namespace Centrex.Rating.Tests.Csv;

public class PrintableTextTests
{
    [Fact]
    public void Escape_PrintableText_IsReturnedAsIs()
    {
        const string Text = "id,account \\x00 caf\u00e9 \u65e5\u672c \U0001F4DE";
        Assert.Same(Text, PrintableText.Escape(Text));
    }

    [Theory]
    [InlineData("a\u0000b", "a\\x00b")]
    [InlineData("\u001b[2J", "\\x1b[2J")] // an ANSI escape sequence (clear screen)
    [InlineData("tab\there\r\n", "tab\\x09here\\x0d\\x0a")]
    [InlineData("del\u007f", "del\\x7f")]
    [InlineData("c1\u0085\u009b", "c1\\x85\\x9b")]
    [InlineData("evil\u202egnp.exe", "evil\\u202egnp.exe")] // right-to-left override
    [InlineData("zero\u200bwidth", "zero\\u200bwidth")]
    [InlineData("line\u2028break", "line\\u2028break")]
    [InlineData("tag\U000E0041", "tag\\U000e0041")]
    public void Escape_ControlFormatAndSeparatorCharacters_AreWrittenAsEscapes(string text, string expected) =>
        Assert.Equal(expected, PrintableText.Escape(text));

    [Fact]
    public void Escape_LoneSurrogate_IsWrittenAsAnEscape() => Assert.Equal("lone\\ud800.", PrintableText.Escape("lone" + (char)0xD800 + "."));

    [Fact]
    public void Escape_Bytes_ShowUndecodableBytesAsHexAndCutAtTheLimit()
    {
        byte[] bytes = [0x00, 0x01, (byte)'P', (byte)'K', 0x03, 0x04, 0xFF, 0xFE, 0xC3, 0xA9, 0x1B, 0xE2, 0x82];
        Assert.Equal("\\x00\\x01PK\\x03\\x04\\xff\\xfe\u00e9\\x1b\\xe2\\x82", PrintableText.Escape(bytes, 100));
        Assert.Equal("\\x00\\x01PK" + PrintableText.Ellipsis, PrintableText.Escape(bytes, 4));
        Assert.Equal("\\xc3" + PrintableText.Ellipsis, PrintableText.Escape(bytes.AsSpan(8), 1)); // a character cut by the limit
    }

    [Fact]
    public void CsvFormatException_QuotesFromTheFile_AreEscapedInTheMessage()
    {
        var e = new CsvFormatException("t.csv", 3, "prefix", "'4\u00004\u001b[31m' is not a prefix");
        Assert.Equal("t.csv: line 3, field 'prefix': '4\\x004\\x1b[31m' is not a prefix", e.Message);
        Assert.Equal("'4\\x004\\x1b[31m' is not a prefix", e.Reason);
    }
}
