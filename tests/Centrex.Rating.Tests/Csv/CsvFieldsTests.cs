using System.Text;
using Centrex.Rating.Csv;

namespace Centrex.Rating.Tests.Csv;

public class CsvFieldsTests
{
    private static (CsvFieldStatus Status, string[] Fields) Split(string record, int capacity = 8)
    {
        var bytes = Encoding.UTF8.GetBytes(record);
        var ranges = new Range[capacity];
        var status = CsvFields.Split(bytes, ranges, out var count);
        var fields = status == CsvFieldStatus.Ok ? ranges[..count].Select(r => Encoding.UTF8.GetString(bytes[r])).ToArray() : [];
        return (status, fields);
    }

    [Theory]
    [InlineData("a,b,c", new[] { "a", "b", "c" })]
    [InlineData("", new[] { "" })]
    [InlineData(",", new[] { "", "" })]
    [InlineData("a,", new[] { "a", "" })]
    [InlineData("\"a,b\",c", new[] { "a,b", "c" })]
    [InlineData("\"say \"\"hi\"\"\",x", new[] { "say \"hi\"", "x" })]
    [InlineData("\"\"", new[] { "" })]
    [InlineData("\"line\nbreak\"", new[] { "line\nbreak" })]
    [InlineData(" a , b ", new[] { " a ", " b " })] // spaces are part of fields (RFC 4180 §2.4)
    public void Split_ValidRecord_UnescapesFields(string record, string[] expected)
    {
        var (status, fields) = Split(record);
        Assert.Equal(CsvFieldStatus.Ok, status);
        Assert.Equal(expected, fields);
    }

    [Theory]
    [InlineData("\"open,b")]
    [InlineData("\"a\"b,c")]
    [InlineData("x,\"a\" ,c")]
    public void Split_BrokenQuoting_IsBadQuote(string record) => Assert.Equal(CsvFieldStatus.BadQuote, Split(record).Status);

    [Fact]
    public void Split_MoreFieldsThanRoom_IsTooMany() => Assert.Equal(CsvFieldStatus.TooManyFields, Split("a,b,c", capacity: 2).Status);

    [Fact]
    public void WriteThenSplit_AnyFieldValues_RoundTrip() =>
        Prop.ForAll<string[]>(values =>
        {
            var clean = (values ?? []).Select(v => (v ?? string.Empty).Replace("\0", string.Empty, StringComparison.Ordinal)).Take(7).ToArray();
            if (clean.Length == 0)
            {
                return true;
            }

            var line = string.Join(",", clean.Select(CsvText.Escape));
            var (status, fields) = Split(line);
            return status == CsvFieldStatus.Ok && fields.SequenceEqual(clean);
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData("a,b,c")]
    [InlineData("")]
    [InlineData(",")]
    [InlineData("cdr-000000001,ACC-1001,+14165551000,9022647880,2026-09-30T19:00:00-05:00,205")]
    [InlineData("0123456789abcde,0123456789abcdef,0123456789abcdefg,,")]
    public void TrySplitPlainAscii_AgreesWithSplit(string record)
    {
        var bytes = Encoding.ASCII.GetBytes(record);
        var fast = new Range[8];
        var slow = new Range[8];
        Assert.True(CsvFields.TrySplitPlainAscii(bytes, fast, out var fastCount));
        Assert.Equal(CsvFieldStatus.Ok, CsvFields.Split(bytes.ToArray(), slow, out var slowCount));
        Assert.Equal(slow[..slowCount], fast[..fastCount]);
    }

    [Theory]
    [InlineData("a,\"b\",c")]
    [InlineData("0123456789abcdef0123456789,x\"y")]
    [InlineData("caf\u00e9,b")]
    [InlineData("a\rb,c")]
    [InlineData("0123456789abcdef0123456789abcdef,\u00e9")]
    [InlineData("a\tb,c")]
    [InlineData("a\u0000b,c")]
    [InlineData("a\u007fb,c")]
    [InlineData("0123456789abcdef0123456789,x\u0000y")]
    [InlineData("0123456789abcdef0123456789,\u001fy")]
    [InlineData("0123456789abcdef0123456789,\u007fy")]
    public void TrySplitPlainAscii_QuoteControlOrNonAscii_DefersToTheFullParser(string record) =>
        Assert.False(CsvFields.TrySplitPlainAscii(Encoding.UTF8.GetBytes(record), new Range[8], out _));

    [Fact]
    public void TrySplitPlainAscii_AnyByteAtAnyPosition_IsPlainOnlyWhenPrintableAsciiOtherThanTheQuote()
    {
        // Both the byte loop (short records) and the vector blocks, the overlapping last block included.
        foreach (var length in new[] { 5, 16, 40 })
        {
            for (var position = 0; position < length; position++)
            {
                for (var value = 0; value < 256; value++)
                {
                    var record = Enumerable.Repeat((byte)'a', length).ToArray();
                    record[position] = (byte)value;
                    var expected = value is >= 0x20 and <= 0x7E and not '"';
                    Assert.True(expected == CsvFields.TrySplitPlainAscii(record, new Range[64], out _), $"byte {value} at {position} of {length}");
                }
            }
        }
    }

    [Fact]
    public void TrySplitPlainAscii_TooManyFields_CountsOnePastTheRoom()
    {
        Assert.True(CsvFields.TrySplitPlainAscii("a,b,c,d"u8, new Range[2], out var count));
        Assert.Equal(3, count);
    }

    [Fact]
    public void TrySplitPlainAscii_RandomPlainRecords_AgreeWithSplit() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Elements('a', 'z', '0', '9', ',', ' ', '-', ':', '+')).Select(c => new string(c)).ToArbitrary(),
            record =>
            {
                var bytes = Encoding.ASCII.GetBytes(record);
                var fast = new Range[200];
                var slow = new Range[200];
                var ok = CsvFields.TrySplitPlainAscii(bytes, fast, out var fastCount);
                var status = CsvFields.Split(bytes.ToArray(), slow, out var slowCount);
                return ok && status == CsvFieldStatus.Ok && fast[..fastCount].SequenceEqual(slow[..slowCount]);
            }).QuickCheckThrowOnFailure();
}
