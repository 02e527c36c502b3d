using Centrex.Rating.Cdrs;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;

namespace Centrex.Rating.Tests;

/// <summary>
/// Values written to disk and file contracts are frozen here. These snapshots may only ever grow: changing one breaks
/// customers' files and stored journals (Garnet's PersistedEnumStabilityTests habit).
/// </summary>
public class GoldenTests
{
    [Fact]
    public void NumberClass_ValuesAndWireNames_AreFrozen()
    {
        Assert.Equal(
            ["0=Domestic:domestic", "1=NanpInternational:nanp-international", "2=TollFree:toll-free", "3=International:international", "4=Local:local", "5=TollFreeInbound:toll-free-inbound"],
            Enum.GetValues<NumberClass>().Select(c => $"{(int)c}={c}:{c.ToWireName()}"));
    }

    [Fact]
    public void RejectReason_ValuesAndWireNames_AreFrozen()
    {
        Assert.Equal(
            ["0=Malformed:malformed", "1=Duplicate:duplicate", "2=NoRate:no-rate"],
            Enum.GetValues<RejectReason>().Select(r => $"{(int)r}={r}:{r.ToWireName()}"));
    }

    [Fact]
    public void FileHeaders_AreFrozen()
    {
        Assert.Equal("prefix,destination,rate,connect_fee,first_increment,next_increment", string.Join(",", TariffLoader.Header));
        Assert.Equal("id,account,caller,callee,start,duration", string.Join(",", CdrCsv.CdrHeader));
        Assert.Equal("id,account,callee,prefix,destination,class,billed_seconds,charge", string.Join(",", CdrCsv.RatedHeader));
        Assert.Equal("line,id,reason", string.Join(",", CdrCsv.RejectsHeader));
        Assert.Equal(string.Join(",", CdrCsv.RatedHeader) + "\n", System.Text.Encoding.ASCII.GetString(CdrCsv.RatedHeaderLine));
        Assert.Equal(string.Join(",", CdrCsv.RejectsHeader) + "\n", System.Text.Encoding.ASCII.GetString(CdrCsv.RejectsHeaderLine));
    }

    [Fact]
    public void CdrField_DisplayNames_CoverEveryField() =>
        Assert.Equal(
            ["none", "column-count", "quoting", "encoding", "id", "callee", "start", "duration", "account"],
            Enum.GetValues<CdrField>().Select(f => f.ToDisplayName()));
}
