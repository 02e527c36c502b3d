using System.Buffers;
using System.Text;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;

namespace Centrex.Rating.Tests.Cdrs;

public class CdrRecordRaterTests
{
    private static readonly Tariff Tariff = TariffLoader.Parse(Encoding.UTF8.GetBytes(
        """"
        prefix,destination,rate,connect_fee,first_increment,next_increment
        1,North America,0.0100,0,6,6
        1876,"Jamaica, ""Kingston""",0.2000,0.0500,60,60
        44,United Kingdom,0.0300,0,30,6
        """"), "tariff.csv");

    private sealed class Run
    {
        private readonly CdrRecordRater _rater = new(new Rater(Tariff, NumberingPlan.Default), new CdrIdSet());
        private readonly ArrayBufferWriter<byte> _rated = new();
        private readonly ArrayBufferWriter<byte> _rejects = new();
        private long _line = 1;

        public RatingTally Tally => _rater.Tally;

        public string Rated => Encoding.UTF8.GetString(_rated.WrittenSpan);

        public string Rejects => Encoding.UTF8.GetString(_rejects.WrittenSpan);

        public Run Feed(params string[] rows)
        {
            foreach (var row in rows)
            {
                _line++;
                _rater.Process(Encoding.UTF8.GetBytes(row), _line, damaged: false, _rated, _rejects);
            }

            return this;
        }
    }

    [Fact]
    public void Process_GoodRow_WritesTheRatedContract()
    {
        var run = new Run().Feed("c1,acme,4165550000,8765551234,2026-01-15T10:30:00Z,61");
        Assert.Equal("c1,acme,18765551234,1876,\"Jamaica, \"\"Kingston\"\"\",nanp-international,120,0.450\n", run.Rated);
        Assert.Equal(string.Empty, run.Rejects);
        Assert.Equal(450L, run.Tally.TotalCharge.Value);
    }

    [Fact]
    public void Process_QuotedIdAndAccount_AreQuotedAgainOnOutput()
    {
        var run = new Run().Feed("\"c,1\",\"Acme \"\"Inc\"\"\",x,2125551234,2026-01-15T10:30:00Z,6");
        Assert.Equal("\"c,1\",\"Acme \"\"Inc\"\"\",12125551234,1,North America,domestic,6,0.001\n", run.Rated);
    }

    [Theory]
    [InlineData("c1,acme,x,2125551234,2026-01-15T10:30:00Z", CdrField.ColumnCount)]
    [InlineData("c1,acme,x,2125551234,2026-01-15T10:30:00Z,60,extra", CdrField.ColumnCount)]
    [InlineData(",acme,x,2125551234,2026-01-15T10:30:00Z,60", CdrField.Id)]
    [InlineData("c1,acme,x,1212555,2026-01-15T10:30:00Z,60", CdrField.Callee)]
    [InlineData("c1,acme,x,442,2026-01-15T10:30:00Z,60", CdrField.Callee)]
    [InlineData("c1,acme,x,2125551234,2026-01-15,60", CdrField.Start)]
    [InlineData("c1,acme,x,2125551234,2026-01-15T10:30:00Z,-5", CdrField.Duration)]
    [InlineData("c1,acme,x,2125551234,2026-01-15T10:30:00Z,60.5", CdrField.Duration)]
    [InlineData("c1,acme,x,2125551234,2026-01-15T10:30:00Z,86401", CdrField.Duration)]
    [InlineData("c1,acme,x,2125551234,2026-01-15T10:30:00Z,", CdrField.Duration)]
    [InlineData("c1,\"acme,x,2125551234,2026-01-15T10:30:00Z,60", CdrField.Quoting)]
    [InlineData("", CdrField.ColumnCount)]
    public void Process_MalformedRow_IsRejectedAsMalformedWithTheFieldCounted(string row, CdrField field)
    {
        var run = new Run().Feed(row);
        Assert.Equal(string.Empty, run.Rated);
        Assert.EndsWith(",malformed\n", run.Rejects, StringComparison.Ordinal);
        Assert.StartsWith("2,", run.Rejects, StringComparison.Ordinal);
        Assert.Equal(1L, run.Tally.MalformedIn(field));
        Assert.Equal((2L, field), Assert.Single(run.Tally.MalformedExamples));
    }

    [Fact]
    public void Process_InvalidUtf8_IsMalformed()
    {
        var rated = new ArrayBufferWriter<byte>();
        var rejects = new ArrayBufferWriter<byte>();
        var rater = new CdrRecordRater(new Rater(Tariff, NumberingPlan.Default), new CdrIdSet());
        var row = "c?1,a,x,2125551234,2026-01-15T10:30:00Z,60"u8.ToArray();
        row[1] = 0xFF;
        rater.Process(row, 2, damaged: false, rated, rejects);
        Assert.Equal("2,,malformed\n", Encoding.UTF8.GetString(rejects.WrittenSpan));
        Assert.Equal(1L, rater.Tally.MalformedIn(CdrField.Encoding));
        Assert.Equal(0, rated.WrittenCount);
    }

    [Fact]
    public void Process_DuplicateOfWellFormedRow_IsDuplicate()
    {
        var run = new Run().Feed(
            "c1,acme,x,2125551234,2026-01-15T10:30:00Z,60",
            "c1,acme,x,2125551234,2026-01-15T10:30:00Z,60");
        Assert.Equal("3,c1,duplicate\n", run.Rejects);
    }

    [Fact]
    public void Process_IdOfEarlierMalformedRow_DoesNotMakeADuplicate()
    {
        var run = new Run().Feed(
            "c1,acme,x,BAD,2026-01-15T10:30:00Z,60",
            "c1,acme,x,2125551234,2026-01-15T10:30:00Z,60");
        Assert.Equal("2,c1,malformed\n", run.Rejects);
        Assert.StartsWith("c1,acme,12125551234,", run.Rated, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_IdOfEarlierNoRateRow_MakesADuplicate()
    {
        var run = new Run().Feed(
            "c1,acme,x,+33123456789,2026-01-15T10:30:00Z,60",
            "c1,acme,x,2125551234,2026-01-15T10:30:00Z,60");
        Assert.Equal("2,c1,no-rate\n3,c1,duplicate\n", run.Rejects);
    }

    [Fact]
    public void Process_MalformedDuplicate_IsMalformedFirst()
    {
        var run = new Run().Feed(
            "c1,acme,x,2125551234,2026-01-15T10:30:00Z,60",
            "c1,acme,x,2125551234,2026-01-15T10:30:00Z,abc");
        Assert.Equal("3,c1,malformed\n", run.Rejects);
    }

    [Fact]
    public void Process_DamagedRecord_IsMalformedEvenIfItSplits()
    {
        var rater = new CdrRecordRater(new Rater(Tariff, NumberingPlan.Default), new CdrIdSet());
        var rejects = new ArrayBufferWriter<byte>();
        rater.Process("c9,acme,x,2125551234,2026-01-15T10:30:00Z,60"u8.ToArray(), 7, damaged: true, new ArrayBufferWriter<byte>(), rejects);
        Assert.Equal("7,c9,malformed\n", Encoding.UTF8.GetString(rejects.WrittenSpan));
    }

    [Fact]
    public void Process_RandomRows_EveryRowLandsInExactlyOneOutput() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Elements(
                "c{0},acme,x,2125551234,2026-01-15T10:30:00Z,{1}",
                "c{0},acme,x,8765551234,2026-01-15T10:30:00+01:00,{1}",
                "c{0},acme,x,+33123456789,2026-01-15T10:30:00Z,{1}",
                "c{0},acme,x,011442071234567,2026-01-15T10:30:00Z,{1}",
                "c{0},acme,x,BAD,2026-01-15T10:30:00Z,{1}",
                "c{0},acme,x,2125551234,yesterday,{1}",
                "\"c{0}\",\"a,b\",x,2125551234,2026-01-15T10:30:00Z,{1}",
                "c{0},acme")).ToArbitrary(),
            Gen.Choose(0, 1_000_000).ToArbitrary(),
            (templates, seed) =>
            {
                var random = new Random(seed);
                var rows = templates.Select(t => string.Format(System.Globalization.CultureInfo.InvariantCulture, t, random.Next(0, 20), random.Next(-5, 90_000))).ToArray();
                var run = new Run().Feed(rows);
                var ratedLines = run.Rated.Count(c => c == '\n');
                var rejectLines = run.Rejects.Count(c => c == '\n');
                var t = run.Tally;
                return t.Read == rows.Length && t.Read == t.Rated + t.Rejected
                    && ratedLines == t.Rated && rejectLines == t.Rejected
                    && t.Rejected == RejectReasonNames.All.Sum(t.RejectedFor);
            }).QuickCheckThrowOnFailure();
}
