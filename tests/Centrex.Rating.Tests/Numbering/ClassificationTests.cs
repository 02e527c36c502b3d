using System.Text;
using Centrex.Rating.Csv;
using Centrex.Rating.Numbering;

namespace Centrex.Rating.Tests.Numbering;

public class ClassificationTests
{
    private static readonly int[] TollFreeNpas = [800, 833, 844, 855, 866, 877, 888];

    private static readonly int[] NanpInternationalNpas =
    [
        242, 246, 264, 268, 284, 340, 345, 441, 473, 649, 658, 664, 670, 671, 684, 721, 758, 767, 784, 787, 809,
        829, 849, 868, 869, 876, 939,
    ];

    private static NumberClass Classify(NumberingPlan plan, string dialed)
    {
        Assert.True(NumberingPlan.TryNormalize(Encoding.ASCII.GetBytes(dialed), out var number), dialed);
        return plan.Classify(number);
    }

    [Fact]
    public void DefaultPlan_EveryNpa_HasTheClassTheIssueLists()
    {
        for (var npa = 200; npa < 1000; npa++)
        {
            var expected = TollFreeNpas.Contains(npa) ? NumberClass.TollFree
                : NanpInternationalNpas.Contains(npa) ? NumberClass.NanpInternational
                : NumberClass.Domestic;
            Assert.Equal(expected, Classify(NumberingPlan.Default, $"1{npa}5551234"));
        }
    }

    [Theory]
    [InlineData("2125551234", NumberClass.Domestic)]
    [InlineData("+14165551234", NumberClass.Domestic)] // Toronto is Canada: domestic
    [InlineData("18005551234", NumberClass.TollFree)]
    [InlineData("8885551234", NumberClass.TollFree)]
    [InlineData("8765551234", NumberClass.NanpInternational)] // Jamaica
    [InlineData("+17875551234", NumberClass.NanpInternational)] // Puerto Rico
    [InlineData("011442071234567", NumberClass.International)]
    [InlineData("+2125551234", NumberClass.International)]
    [InlineData("0123", NumberClass.International)]
    public void Classify_ByCountryCodeAndNpa(string dialed, NumberClass expected) =>
        Assert.Equal(expected, Classify(NumberingPlan.Default, dialed));

    [Fact]
    public void OperatorTables_OverrideTheDefaults()
    {
        var tollFree = NpaTable.Parse("npa,name\n800,Toll-free\n"u8, "tf.csv");
        var nanp = NpaTable.Parse("npa,name\r\n876,Jamaica\r\n212,\"New York, treated as foreign\"\r\n"u8, "intl.csv");
        var plan = NumberingPlan.FromTables(tollFree, nanp);
        Assert.Equal(NumberClass.NanpInternational, Classify(plan, "2125551234"));
        Assert.Equal(NumberClass.Domestic, Classify(plan, "8885551234")); // no longer toll-free in this plan
        Assert.Equal(NumberClass.TollFree, Classify(plan, "8005551234"));
        Assert.Equal("New York, treated as foreign", nanp.Names[212]);
    }

    [Theory]
    [InlineData("npa,name\n80,Short\n", 2L, "npa")]
    [InlineData("npa,name\n800,A\n800,B\n", 3L, "npa")]
    [InlineData("npa,name\n199,Low\n", 2L, "npa")]
    [InlineData("npa,name\n800\n", 2L, "name")]
    [InlineData("npa,title\n800,A\n", 1L, "name")]
    [InlineData("", 1L, "header")]
    public void NpaTable_Invalid_NamesLineAndField(string content, long line, string field)
    {
        var error = Assert.Throws<CsvFormatException>(() => NpaTable.Parse(Encoding.UTF8.GetBytes(content), "npa.csv"));
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.StartsWith("npa.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromTables_NpaInBothTables_IsRefused()
    {
        var tollFree = NpaTable.Parse("npa,name\n876,oops\n"u8, "tf.csv");
        var error = Assert.Throws<CsvFormatException>(() => NumberingPlan.FromTables(tollFree, NpaTable.DefaultNanpInternational));
        Assert.Contains("876", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedTables_AreTheEmbeddedDataFiles()
    {
        var root = FindRepoRoot();
        Assert.Equal(File.ReadAllBytes(Path.Combine(root, "src/Rating/Data/toll-free.csv")), NpaTable.ReadEmbedded(NpaTable.TollFreeResource));
        Assert.Equal(NanpInternationalNpas.Order(), NpaTable.DefaultNanpInternational.Npas.Order());
        Assert.Equal(TollFreeNpas.Order(), NpaTable.DefaultTollFree.Npas.Order());
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Centrex.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
