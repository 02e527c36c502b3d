using System.Text;
using Centrex.Switch.Admission;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Cdrs;

public sealed class CdrExportTests
{
    [Fact]
    public void Write_OnlyChargeableCalls_InTheRateContract()
    {
        var cdrs = new[]
        {
            Cdr.Answered("a1", "acme", "2125551234", 61) with { CalleeNormalized = "12125551234" },
            Cdr.Failed("b1", "acme", CallDisposition.Busy),
            Cdr.Answered("i1", "acme", "2125551234", 30, direction: CallDirection.Incoming),
            Cdr.Answered("f1", "Acme, Inc", "011447700900123", 7, forwarded: true, direction: CallDirection.Incoming),
        };
        using var output = new MemoryStream();
        Assert.Equal(2, CdrExport.Write(cdrs, output));
        Assert.Equal(
            """
            id,account,caller,callee,start,duration
            a1,acme,4165550100,+12125551234,2026-10-01T12:00:05Z,61
            f1,"Acme, Inc",4165550100,011447700900123,2026-10-01T12:00:05Z,7

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            Encoding.UTF8.GetString(output.ToArray()));
    }
}
