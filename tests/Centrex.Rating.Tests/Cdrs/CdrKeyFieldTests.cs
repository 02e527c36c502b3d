using System.Buffers;
using System.Text;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;

namespace Centrex.Rating.Tests.Cdrs;

/// <summary>Issue 13: ids and accounts with white space at an end or a control character are malformed, not new keys.</summary>
public class CdrKeyFieldTests
{
    private const string Tail = ",x,2125551234,2026-01-15T10:30:00Z,60";

    private static readonly Tariff Tariff = TariffLoader.Parse(Encoding.UTF8.GetBytes(
        "prefix,destination,rate,connect_fee,first_increment,next_increment\n1,North America,0.0100,0,6,6\n"), "tariff.csv");

    private static (CdrRecordRater Rater, string Rated, string Rejects) Rate(params string[] rows)
    {
        var rater = new CdrRecordRater(new Rater(Tariff, NumberingPlan.Default), new CdrIdSet());
        var rated = new ArrayBufferWriter<byte>();
        var rejects = new ArrayBufferWriter<byte>();
        for (var i = 0; i < rows.Length; i++)
        {
            rater.Process(Encoding.UTF8.GetBytes(rows[i]), i + 2, damaged: false, rated, rejects);
        }

        return (rater, Encoding.UTF8.GetString(rated.WrittenSpan), Encoding.UTF8.GetString(rejects.WrittenSpan));
    }

    [Fact]
    public void Process_IdsThatDifferOnlyBySpaces_AreChargedOnce_TheOthersMalformedInTheId()
    {
        var (rater, rated, rejects) = Rate(" e4,acme" + Tail, "e4 ,acme" + Tail, "e4,acme" + Tail);

        Assert.StartsWith("e4,acme,12125551234,", rated, StringComparison.Ordinal);
        Assert.Equal("2, e4,malformed\n3,e4 ,malformed\n", rejects);
        var t = rater.Tally;
        Assert.Equal((3L, 1L, 2L), (t.Read, t.Rated, t.Rejected));
        Assert.Equal(2L, t.MalformedIn(CdrField.Id));
    }

    [Theory]
    [InlineData(" e4")]
    [InlineData("e4 ")]
    [InlineData("\"  e4\"")] // quoted: the spaces are part of the value
    [InlineData("\te4")]
    [InlineData("e4\t")]
    [InlineData("e\u00004")] // NUL
    [InlineData("e\u00014")]
    [InlineData("e\u001b4")] // ESC
    [InlineData("e\u007f4")] // DEL
    [InlineData("\"e\n4\"")] // a quoted line break
    [InlineData("\"e\r\n4\"")]
    [InlineData("e\u00854")] // NEL, a C1 control
    [InlineData("\u00a0e4")] // no-break space
    [InlineData("e4\u3000")] // ideographic space
    [InlineData("caf\u00e9\u0000")] // non-ASCII row with a NUL
    [InlineData("e4\u200b")] // zero-width space: charged as a third id in the issue 13 review
    [InlineData("\ufeffe4")] // a byte-order mark
    [InlineData("e4\u2060")] // word joiner
    public void Process_IdWithEdgeSpaceOrControlCharacter_IsMalformedInTheId(string id)
    {
        var (rater, rated, _) = Rate(id + ",acme" + Tail);
        Assert.Equal(string.Empty, rated);
        Assert.Equal(1L, rater.Tally.MalformedIn(CdrField.Id));
    }

    [Theory]
    [InlineData(" acme")]
    [InlineData("acme ")]
    [InlineData("\" acme\"")]
    [InlineData("ac\u0000me")]
    [InlineData("acme\t")]
    [InlineData("ac\u007fme")]
    [InlineData("\"ac\nme\"")]
    [InlineData("ac\u009fme")] // APC, a C1 control
    [InlineData("\u2003acme")] // em space
    public void Process_AccountWithEdgeSpaceOrControlCharacter_IsMalformedInTheAccount(string account)
    {
        var (rater, rated, rejects) = Rate("c1," + account + Tail);
        Assert.Equal(string.Empty, rated);
        Assert.Equal("2,c1,malformed\n", rejects);
        Assert.Equal(1L, rater.Tally.MalformedIn(CdrField.Account));
    }

    [Theory]
    [InlineData("e 4", "acme")] // inner spaces are part of a key
    [InlineData("\"e,4\"", "\"Acme, Inc\"")]
    [InlineData("caf\u00e9", "Soci\u00e9t\u00e9 g\u00e9n\u00e9rale")]
    [InlineData("e4", "")] // an empty account is not this check's business
    public void Process_CleanKeys_AreRated(string id, string account)
    {
        var (rater, _, rejects) = Rate(id + "," + account + Tail);
        Assert.Equal(string.Empty, rejects);
        Assert.Equal(1L, rater.Tally.Rated);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1969-12-31T23:59:59Z")]
    [InlineData("1970-01-01T00:59:59+01:00")]
    [InlineData("9999-12-31T23:00:00-01:00")]
    [InlineData("10000-01-01T00:00:00Z")]
    public void Process_StartOutsideTheYears1970To9999_IsMalformedInTheStart(string start)
    {
        var (rater, rated, _) = Rate($"c1,acme,x,2125551234,{start},60");
        Assert.Equal(string.Empty, rated);
        Assert.Equal(1L, rater.Tally.MalformedIn(CdrField.Start));
    }

    [Theory]
    [InlineData("e4", true)]
    [InlineData("", true)]
    [InlineData(" e4", false)]
    [InlineData("e4 ", false)]
    [InlineData(" ", false)]
    public void IsClean_PrintableAscii_LooksOnlyAtTheEnds(string value, bool clean) =>
        Assert.Equal(clean, CdrKeyText.IsClean(Encoding.ASCII.GetBytes(value), printableAscii: true));
}
