using System.Text;
using Centrex.Rating.Csv;

namespace Centrex.Rating.Tests.Csv;

public class CsvRecordScannerTests
{
    private const int Max = 64;

    private static List<(string Content, int Lines, bool Damaged)> ScanAll(string text, int max = Max)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var result = new List<(string, int, bool)>();
        var position = 0;
        while (CsvRecordScanner.Scan(bytes.AsSpan(position), isFinalBlock: true, max, out var record) == CsvScanStatus.Record)
        {
            result.Add((Encoding.UTF8.GetString(bytes, position, record.ContentLength), record.LineCount, record.Damaged));
            position += record.TotalLength;
        }

        return result;
    }

    [Fact]
    public void Scan_LfAndCrlf_EndRecords()
    {
        Assert.Equal([("a,b", 1, false), ("c,d", 1, false), ("e", 1, false)], ScanAll("a,b\r\nc,d\ne"));
    }

    [Fact]
    public void Scan_QuotedLineBreaks_StayInTheRecordAndCountAsLines()
    {
        Assert.Equal([("1,\"x\r\ny\nz\",2", 3, false), ("3", 1, false)], ScanAll("1,\"x\r\ny\nz\",2\n3\n"));
    }

    [Fact]
    public void Scan_EscapedQuotes_DoNotCloseTheField()
    {
        Assert.Equal([("\"a\"\",\nb\"", 2, false), ("c", 1, false)], ScanAll("\"a\"\",\nb\"\nc\n"));
    }

    [Fact]
    public void Scan_QuoteInsideUnquotedField_IsDataAndDoesNotSwallowLines()
    {
        Assert.Equal([("ab\"c,d", 1, false), ("e", 1, false)], ScanAll("ab\"c,d\ne\n"));
    }

    [Fact]
    public void Scan_QuoteNeverClosed_CutsAtFirstLineBreakAndReadsOn()
    {
        Assert.Equal([("1,\"open", 1, true), ("2,fine", 1, false)], ScanAll("1,\"open\n2,fine"));
    }

    [Fact]
    public void Scan_QuotedFieldLongerThanLimit_IsCutAtFirstLineBreak()
    {
        var text = "1,\"" + new string('x', 30) + "\n" + new string('y', 60) + "\"\n2\n";
        var records = ScanAll(text);
        Assert.True(records[0].Damaged);
        Assert.Equal(1, records[0].Lines);
    }

    [Fact]
    public void Scan_LineLongerThanLimitWithinBuffer_IsOneDamagedRecord()
    {
        var records = ScanAll(new string('x', 100) + "\nnext\n");
        Assert.Equal([(new string('x', 100), 1, true), ("next", 1, false)], records);
    }

    [Fact]
    public void Scan_LineLongerThanLimitBeyondBuffer_AsksCallerToSkipTheLine()
    {
        var bytes = Encoding.ASCII.GetBytes(new string('x', 100));
        Assert.Equal(CsvScanStatus.LineTooLong, CsvRecordScanner.Scan(bytes, isFinalBlock: false, Max, out _));
    }

    [Fact]
    public void Scan_RecordOfExactlyTheLimit_IsNotDamaged()
    {
        var record = new string('x', Max);
        Assert.Equal([(record, 1, false), (record, 1, false)], ScanAll(record + "\r\n" + record + "\n"));
        Assert.True(ScanAll(record + "y\n")[0].Damaged);
    }

    [Fact]
    public void Scan_LastQuotedFieldAtEndOfFile_IsComplete()
    {
        Assert.Equal([("a,\"b\"", 1, false)], ScanAll("a,\"b\""));
    }

    [Fact]
    public void Scan_EveryPrefixOfAValidRecord_NeedsMoreDataRatherThanFailing()
    {
        // Kestrel's habit: feed every prefix of a valid message and expect "incomplete", never an error or a record.
        var bytes = Encoding.UTF8.GetBytes("id1,\"acc, \"\"x\"\"\",\"multi\nline\",2125551234,2026-01-01T00:00:00Z,60\n");
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Equal(CsvScanStatus.NeedMoreData, CsvRecordScanner.Scan(bytes.AsSpan(0, length), isFinalBlock: false, 1024, out _));
        }

        Assert.Equal(CsvScanStatus.Record, CsvRecordScanner.Scan(bytes, isFinalBlock: false, 1024, out var whole));
        Assert.Equal((bytes.Length, 2), (whole.TotalLength, whole.LineCount));
    }

    [Fact]
    public void Scan_EmptyBuffer_EndsOrWaits()
    {
        Assert.Equal(CsvScanStatus.EndOfData, CsvRecordScanner.Scan([], isFinalBlock: true, Max, out _));
        Assert.Equal(CsvScanStatus.NeedMoreData, CsvRecordScanner.Scan([], isFinalBlock: false, Max, out _));
    }
}
