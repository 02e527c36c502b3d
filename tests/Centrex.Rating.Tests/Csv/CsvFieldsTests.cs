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
}
