using System.Text;

namespace Centrex.Cli.Tests;

public sealed class RateCommandTests : IDisposable
{
    private const string Tariff =
        """"
        prefix,destination,rate,connect_fee,first_increment,next_increment
        1,North America,0.0100,0,6,6
        1800,Toll-free,0,0,1,1
        1876,"Jamaica, Mobile ""J""",0.2000,0.0500,60,60
        44,United Kingdom,0.0300,0,30,6

        """";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private CliRun Rate(string cdrs, string? tariff = null, params string[] extra) => CliRun.Invoke(
    [
        "rate", "--tariff", _folder.Write("tariff.csv", tariff ?? Tariff), "--cdrs", _folder.Write("cdrs.csv", cdrs),
        "--out", _folder.File("rated.csv"), "--rejects", _folder.File("rejects.csv"), .. extra,
    ]);

    private string Rated => File.ReadAllText(_folder.File("rated.csv"));

    private string Rejects => File.ReadAllText(_folder.File("rejects.csv"));

    [Fact]
    public void Rate_MixedFile_EveryRowLandsInExactlyOneOutputWithTheContractColumns()
    {
        var run = Rate(
            """
            id,account,caller,callee,start,duration
            c1,acme,4165550100,2125551234,2026-10-01T09:00:00Z,61
            c2,acme,4165550100,8765551234,2026-10-01T09:05:00-05:00,0
            c3,"Acme, Inc",4165550100,011447700900123,2026-10-01T09:10:00.250Z,31
            c4,acme,4165550100,+33123456789,2026-10-01T09:15:00Z,60
            c1,acme,4165550100,2125551234,2026-10-01T09:00:00Z,61
            c5,acme,4165550100,555-1234,2026-10-01T09:20:00Z,60
            c6,acme,4165550100,18005551234,2026-10-01T09:25:00Z,600

            """);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """"
            id,account,callee,prefix,destination,class,billed_seconds,charge
            c1,acme,12125551234,1,North America,domestic,66,0.011
            c2,acme,18765551234,1876,"Jamaica, Mobile ""J""",nanp-international,0,0.000
            c3,"Acme, Inc",447700900123,44,United Kingdom,international,36,0.018
            c6,acme,18005551234,1800,Toll-free,toll-free,600,0.000

            """".ReplaceLineEndings("\n"), Rated);
        Assert.Equal("line,id,reason\n5,c4,no-rate\n6,c1,duplicate\n7,c5,malformed\n", Rejects);
        Assert.Equal(7, run.SummaryCount("rows read"));
        Assert.Equal(4, run.SummaryCount("rated"));
        Assert.Equal(3, run.SummaryCount("rejected"));
        Assert.Equal("0.029", run.Summary("total charge"));
    }

    [Fact]
    public void Rate_IdsThatDifferOnlyBySpaces_AreChargedOnce_TheOthersMalformedInTheId()
    {
        // Issue 13: ' e4', 'e4 ' and 'e4' were accepted as three ids and charged three times.
        var run = Rate(
            """
            id,account,caller,callee,start,duration
             e4,acme,4165550100,2125551234,2026-10-01T09:00:00Z,61
            e4 ,acme,4165550100,2125551234,2026-10-01T09:00:00Z,61
            e4,acme,4165550100,2125551234,2026-10-01T09:00:00Z,61

            """);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("line,id,reason\n2, e4,malformed\n3,e4 ,malformed\n", Rejects);
        Assert.Single(Rated.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..]);
        Assert.Equal(3, run.SummaryCount("rows read"));
        Assert.Equal(1, run.SummaryCount("rated"));
        Assert.Equal(2, run.SummaryCount("rejected"));
        Assert.Contains("malformed by field: id 2", run.Error, StringComparison.Ordinal);
        Assert.Equal("0.011", run.Summary("total charge"));
    }

    [Fact]
    public void Rate_ControlCharacterInIdOrAccount_IsMalformedInThatField()
    {
        var run = Rate("id,account,caller,callee,start,duration\nc\u00001,acme,x,2125551234,2026-10-01T09:00:00Z,6\nc2,ac\u001bme,x,2125551234,2026-10-01T09:00:00Z,6\nc3,acme,x,2125551234,0001-01-01T00:00:00Z,6\n");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, run.SummaryCount("rated"));
        Assert.Contains("malformed by field: id 1, start 1, account 1", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_CrlfBomAndQuotedNewlines_ReportsPhysicalLineNumbers()
    {
        var cdrs = "\uFEFFid,account,caller,callee,start,duration\r\n"
            + "q1,acme,\"multi\r\nline caller\",2125551234,2026-10-01T09:00:00Z,6\r\n"
            + "bad,acme,x,2125551234,2026-10-01T09:00:00Z,6.5\r\n";
        var run = Rate(cdrs);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("line,id,reason\n4,bad,malformed\n", Rejects);

        // The line break sits in the caller: in an id or account it would be a control character (issue 13).
        Assert.Contains("q1,acme,12125551234", Rated, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_WrongCdrHeader_ExitsTwoAndWritesNothing()
    {
        var run = Rate("id,account,caller,callee,start\nc1,a,x,2125551234,2026-10-01T09:00:00Z\n");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cdrs.csv: line 1, field 'header'", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("rated.csv")));
        Assert.False(File.Exists(_folder.File("rejects.csv")));
    }

    [Fact]
    public void Rate_BinaryCdrFile_QuotesItsHeaderEscaped()
    {
        // Issue 13: the header of a binary file was echoed raw, control bytes (here a terminal escape) included.
        var path = _folder.File("cdrs.csv");
        File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x1B, (byte)'[', (byte)'2', (byte)'J', 0xFF, 0xFE, 0x07, (byte)'\n', 0x00, 0x01]);
        var run = CliRun.Invoke("rate", "--tariff", _folder.Write("tariff.csv", Tariff), "--cdrs", path, "--out", _folder.File("rated.csv"), "--rejects", _folder.File("rejects.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cdrs.csv: line 1, field 'header': the header is 'PK\\x03\\x04\\x00\\x1b[2J\\xff\\xfe\\x07'", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Error, c => char.IsControl(c) && c != '\n');
    }

    [Fact]
    public void Rate_EmptyCdrFile_ExitsTwo()
    {
        var run = Rate(string.Empty);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("empty", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_HeaderOnlyCdrFile_RatesNothingAndSucceeds()
    {
        var run = Rate("id,account,caller,callee,start,duration\n");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, run.SummaryCount("rows read"));
        Assert.Equal("id,account,callee,prefix,destination,class,billed_seconds,charge\n", Rated);
    }

    [Fact]
    public void Rate_InvalidTariff_ExitsTwoNamingFileLineAndField()
    {
        var run = Rate("id,account,caller,callee,start,duration\n", Tariff + "44,Duplicate UK,0.05,0,30,6\n");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("tariff.csv: line 6, field 'prefix': duplicate prefix 44 (first on line 5)", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("rated.csv")));
    }

    [Fact]
    public void Rate_TariffRateAboveTheCap_ExitsTwoNamingLineAndField_AndTheWayToLiftIt()
    {
        // Issue 13: a rate above $100/min (default cap) is refused unless the operator says it is meant.
        var run = Rate("id,account,caller,callee,start,duration\nc1,a,x,447700900123,2026-10-01T09:00:00Z,60\n", Tariff + "4420,London premium,150,0,60,60\n");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("tariff.csv: line 6, field 'rate': 150.000000 per minute is above the sanity cap of 100.000000", run.Error, StringComparison.Ordinal);
        Assert.Contains("--allow-high-rates", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("rated.csv")));
    }

    [Fact]
    public void Rate_TariffRateAboveTheCap_IsAcceptedWithAllowHighRates()
    {
        var run = Rate("id,account,caller,callee,start,duration\nc1,a,x,442071234567,2026-10-01T09:00:00Z,60\n", Tariff + "4420,London premium,150,0,60,60\n", "--allow-high-rates");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("150.000", run.Summary("total charge"));
    }

    [Theory]
    [InlineData("0.10", 2)] // the Jamaica row (0.20) is above it
    [InlineData("0.2", 0)]
    public void Rate_MaxRate_SetsTheCap(string cap, int exit)
    {
        var run = Rate("id,account,caller,callee,start,duration\n", null, "--max-rate", cap);
        Assert.Equal(exit, run.ExitCode);
        if (exit == 2)
        {
            Assert.Contains("tariff.csv: line 4, field 'rate': 0.200000 per minute is above the sanity cap of 0.100000", run.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("centrex: --max-rate 'ten' is not a dollar amount", "--max-rate", "ten")]
    [InlineData("centrex: --max-rate '-1' is not a dollar amount", "--max-rate", "-1")]
    [InlineData("centrex: give --max-rate or --allow-high-rates, not both", "--max-rate", "5", "--allow-high-rates")]
    public void Rate_BadRateCapOptions_AreParseErrors(string message, params string[] options)
    {
        var run = Rate("id,account,caller,callee,start,duration\n", null, options);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--rejects")]
    public void Rate_OutputIsAFolder_ExitsTwoNamingTheOption_BeforeAnyRating(string option)
    {
        // Issue 13: --out naming a folder failed only at the final rename, after all the rating, with exit 1.
        var folder = Directory.CreateDirectory(_folder.File("a-folder")).FullName;
        var cdrs = _folder.Write("cdrs.csv", "id,account,caller,callee,start,duration\nc1,a,x,2125551234,2026-10-01T09:00:00Z,6\n");
        string[] outputs = option == "--out" ? ["--out", folder, "--rejects", _folder.File("rejects.csv")] : ["--out", _folder.File("rated.csv"), "--rejects", folder];
        var run = CliRun.Invoke(["rate", "--tariff", _folder.Write("tariff.csv", Tariff), "--cdrs", cdrs, .. outputs]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"centrex: {option} '{folder}' is a folder", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("rows read", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
        Assert.False(File.Exists(_folder.File("rated.csv")) || File.Exists(_folder.File("rejects.csv")));
    }

    [Fact]
    public void Rate_EmptyPaths_AreParseErrorsNamingTheOptions()
    {
        var run = CliRun.Invoke("rate", "--tariff", string.Empty, "--cdrs", _folder.Write("cdrs.csv", "id,account,caller,callee,start,duration\n"), "--out", string.Empty, "--rejects", _folder.File("rejects.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("centrex: --tariff '': the file cannot be read", run.Error, StringComparison.Ordinal);
        Assert.Contains("centrex: --out '' is not a file name", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_OutputInAMissingFolder_ExitsTwoNamingTheOption()
    {
        var missing = Path.Combine(_folder.File("nowhere"), "rated.csv");
        var run = CliRun.Invoke("rate", "--tariff", _folder.Write("tariff.csv", Tariff), "--cdrs", _folder.Write("cdrs.csv", "id,account,caller,callee,start,duration\n"),
            "--out", missing, "--rejects", _folder.File("rejects.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--out '{missing}' cannot be written: the folder {_folder.File("nowhere")} does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_ExistingOutputs_AreCheckedWithoutBeingChanged()
    {
        var rated = _folder.Write("rated.csv", "old rated");
        var rejects = _folder.Write("rejects.csv", "old rejects");
        var missingTariff = _folder.File("no-tariff.csv");
        var run = CliRun.Invoke("rate", "--tariff", missingTariff, "--cdrs", _folder.Write("cdrs.csv", "id,account,caller,callee,start,duration\n"), "--out", rated, "--rejects", rejects);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--tariff '{missingTariff}': the file cannot be read (FileNotFound)", run.Error, StringComparison.Ordinal);
        Assert.Equal(("old rated", "old rejects"), (File.ReadAllText(rated), File.ReadAllText(rejects)));
        Assert.Equal(3, Directory.GetFiles(_folder.Path).Length); // cdrs, rated, rejects: no probe file left behind
    }

    [Fact]
    public void Rate_MissingInput_ExitsTwo()
    {
        var run = CliRun.Invoke("rate", "--tariff", _folder.File("nope.csv"), "--cdrs", _folder.File("none.csv"), "--out", _folder.File("r.csv"), "--rejects", _folder.File("j.csv"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope.csv", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_MissingOption_ExitsTwoWithUsageHint()
    {
        var run = CliRun.Invoke("rate", "--tariff", "t.csv");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--cdrs", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_OutputSameAsInput_IsRefused()
    {
        var cdrs = _folder.Write("cdrs.csv", "id,account,caller,callee,start,duration\n");
        var run = CliRun.Invoke("rate", "--tariff", _folder.Write("tariff.csv", Tariff), "--cdrs", cdrs, "--out", cdrs, "--rejects", _folder.File("j.csv"));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("id,account,caller,callee,start,duration\n", File.ReadAllText(cdrs));
    }

    [Fact]
    public void Rate_OperatorNpaTables_ChangeTheClass()
    {
        var nanp = _folder.Write("nanp.csv", "npa,name\n212,New York as foreign\n");
        var run = Rate("id,account,caller,callee,start,duration\nc1,a,x,2125551234,2026-10-01T09:00:00Z,6\n", null, "--nanp-international", nanp);
        Assert.Equal(0, run.ExitCode);

        // 212 is now NANP-international: the bare "1" row may not price it.
        Assert.Equal("line,id,reason\n2,c1,no-rate\n", Rejects);
    }

    [Fact]
    public void Rate_InvalidNpaTable_ExitsTwo()
    {
        var bad = _folder.Write("tf.csv", "npa,name\n8000,Too long\n");
        var run = Rate("id,account,caller,callee,start,duration\n", null, "--toll-free", bad);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("tf.csv: line 2, field 'npa'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_LineLongerThanTheRecordLimit_IsOneMalformedRowAndTheRestIsRated()
    {
        var longLine = "huge," + new string('x', 100_000) + ",x,2125551234,2026-10-01T09:00:00Z,6";
        var run = Rate($"id,account,caller,callee,start,duration\nc1,a,x,2125551234,2026-10-01T09:00:00Z,6\n{longLine}\nc2,a,x,2125551234,2026-10-01T09:00:00Z,6\n");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("line,id,reason\n3,huge,malformed\n", Rejects);
        Assert.Equal(2, run.SummaryCount("rated"));
    }

    [Fact]
    public void Rate_UnterminatedQuote_RejectsThatLineOnlyAndReadsOn()
    {
        var run = Rate("id,account,caller,callee,start,duration\nc1,\"open,x,2125551234,2026-10-01T09:00:00Z,6\nc2,a,x,2125551234,2026-10-01T09:00:00Z,6\n");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("line,id,reason\n2,c1,malformed\n", Rejects);
        Assert.Equal(1, run.SummaryCount("rated"));
    }

    [Fact]
    public void Rate_InvalidUtf8Row_IsMalformedAndOutputsStayValidUtf8()
    {
        var cdrs = Encoding.UTF8.GetBytes("id,account,caller,callee,start,duration\nc1,a,x,2125551234,2026-10-01T09:00:00Z,6\n")
            .Concat(new byte[] { (byte)'c', 0xC3, 0x28, (byte)',' })
            .Concat(Encoding.UTF8.GetBytes("a,x,2125551234,2026-10-01T09:00:00Z,6\n")).ToArray();
        var path = _folder.File("cdrs.csv");
        File.WriteAllBytes(path, cdrs);
        var run = CliRun.Invoke("rate", "--tariff", _folder.Write("tariff.csv", Tariff), "--cdrs", path, "--out", _folder.File("rated.csv"), "--rejects", _folder.File("rejects.csv"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("line,id,reason\n3,,malformed\n", Rejects);
        Assert.True(System.Text.Unicode.Utf8.IsValid(File.ReadAllBytes(_folder.File("rejects.csv"))));
    }

    [Fact]
    public void Rate_QuotedHeaderNames_AreTheSameHeader()
    {
        var run = Rate("\"id\",account,caller,\"callee\",start,duration\nc1,a,x,2125551234,2026-10-01T09:00:00Z,6\n");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, run.SummaryCount("rated"));
    }

    [Theory]
    [InlineData("00000000000000000000086400", true)]
    [InlineData("086400", true)]
    [InlineData("0", true)]
    [InlineData("0000", true)]
    [InlineData("86401", false)]
    [InlineData("100000", false)]
    [InlineData("+60", false)]
    [InlineData("6e1", false)]
    public void Rate_DurationWithLeadingZeros_IsTheNumberItSpells(string duration, bool rated)
    {
        var run = Rate($"id,account,caller,callee,start,duration\nc1,a,x,2125551234,2026-10-01T09:00:00Z,{duration}\n");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(rated ? 1 : 0, run.SummaryCount("rated"));
    }

    [Fact]
    public void Rate_NpaInBothTables_NamesTheLine()
    {
        var tollFree = _folder.Write("tf.csv", "npa,name\n800,TF\n876,Oops\n");
        var run = Rate("id,account,caller,callee,start,duration\n", null, "--toll-free", tollFree);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 27, field 'npa'", run.Error, StringComparison.Ordinal); // 876 is on line 27 of the shipped table
        Assert.Contains("tf.csv, line 3", run.Error, StringComparison.Ordinal);
    }
}
