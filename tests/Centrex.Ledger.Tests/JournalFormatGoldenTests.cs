using System.Buffers;
using Centrex.Ledger.Journal;
using Centrex.Ledger.State;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using NodaTime;

namespace Centrex.Ledger.Tests;

/// <summary>
/// Journals outlive builds: these bytes were written by format 1 and every later build must read them the same way.
/// Snapshots may only ever grow; changing one is a breaking change to customers' stored money.
/// </summary>
public class JournalFormatGoldenTests
{
    // Derived independently from the documented layout (Python struct '<BBBBiqiHHqqqHHHH' and the six strings).
    private const string RatedCdrFormat1 =
        "010101003D000000405ED06A000000002C01000005000400420000000000000039000000000000000A00000000000000" +
        "0C000B000400070063312D3031414343312B31343136353535303030303132313235353531323334313837364A616D61696361";

    [Fact]
    public void RatedCdr_Format1Bytes_AreFrozen()
    {
        var buffer = new ArrayBufferWriter<byte>();
        RatedCdrCodec.Write(new RatedCdrFields("c1-01"u8, "ACC1"u8, "+14165550000"u8, "12125551234"u8, 1_792_040_512, 300, 61, 66, NumberClass.NanpInternational, "1876"u8, "Jamaica"u8, 57, 10), buffer);
        Assert.Equal(RatedCdrFormat1, Convert.ToHexString(buffer.WrittenSpan));

        var cdr = RatedCdrCodec.Read(Convert.FromHexString(RatedCdrFormat1), 0);
        Assert.Equal(("c1-01", "ACC1", "+14165550000", "12125551234", "1876", "Jamaica"), (cdr.Id, cdr.Account, cdr.Caller, cdr.Callee, cdr.Prefix, cdr.Destination));
        Assert.Equal(Instant.FromUnixTimeSeconds(1_792_040_512).PlusNanoseconds(300), cdr.Start);
        Assert.Equal((61, 66L, NumberClass.NanpInternational, new Mills(57), new Mills(10), new Mills(47)), (cdr.DurationSeconds, cdr.BilledSeconds, cdr.Class, cdr.Charge, cdr.Discount, cdr.Net));
    }

    [Fact]
    public void Movement_Format1_RoundTrips()
    {
        var movement = new BalanceMovement("pay-1", "ACC-1", MovementKind.TopUp, new Mills(-25_000), Instant.FromUtc(2026, 1, 2, 3, 4, 5), "ref é");
        var buffer = new ArrayBufferWriter<byte>();
        MovementCodec.Write(movement, buffer);
        Assert.Equal(MovementCodec.HeaderSize + 5 + 5 + 6, buffer.WrittenCount);
        Assert.Equal(movement, MovementCodec.Read(buffer.WrittenSpan, 0));
    }

    [Fact]
    public void PersistedEnums_AreFrozen()
    {
        Assert.Equal(["1=RatedCdr", "2=Batch", "3=Movement", "4=Block"], Enum.GetValues<JournalRecordKind>().Select(k => $"{(int)k}={k}"));
        Assert.Equal(["1=Payment", "2=TopUp", "3=Refund", "4=Adjustment"], Enum.GetValues<MovementKind>().Select(k => $"{(int)k}={k}"));
        Assert.Equal(["1=Rated", "2=Duplicate", "3=NoRate"], Enum.GetValues<BatchOutcome>().Select(k => $"{(int)k}={k}"));
        // 3=Month: state format 2 (one record per account and month); values are only ever added.
        Assert.Equal(["1=Balance", "2=Counter", "3=Month", "255=Meta"], Enum.GetValues<StateKind>().Select(k => $"{(int)k}={k}"));
        Assert.Equal(["1=Calls", "2=BilledSeconds", "3=DomesticBilledSeconds", "4=NetChargeMills", "5=DiscountMills"], Enum.GetValues<CounterKind>().Select(k => $"{(int)k}={k}"));
    }

    [Fact]
    public void StateValue_Format2_IsSixLongsInThisOrder()
    {
        // FASTER stores the value's bytes as they are: a change of layout is a new state format (StateFormat.CurrentVersion).
        Assert.Equal(48, System.Runtime.CompilerServices.Unsafe.SizeOf<StateValue>());
        string[] order = ["Amount", "Calls", "BilledSeconds", "DomesticBilledSeconds", "NetChargeMills", "DiscountMills"];
        Assert.Equal(order.Select((_, i) => (nint)(i * 8)), order.Select(System.Runtime.InteropServices.Marshal.OffsetOf<StateValue>));
        Assert.Equal(2, StateFormat.CurrentVersion);
    }

    [Fact]
    public void Block_Format1_IsHeaderThenLengthPrefixedCalls_AndEachCallHasItsReference()
    {
        var call = Convert.FromHexString(RatedCdrFormat1);
        var block = new byte[BlockCodec.HeaderSize + (2 * (4 + call.Length))];
        BlockCodec.WriteHeader(block, 2);
        for (var i = 0; i < 2; i++)
        {
            var at = BlockCodec.HeaderSize + (i * (4 + call.Length));
            BitConverter.TryWriteBytes(block.AsSpan(at), call.Length);
            call.CopyTo(block, at + 4);
        }

        Assert.Equal("0104000002000000", Convert.ToHexString(block.AsSpan(0, 8)));
        var seen = new List<(long Reference, string Hex)>();
        BlockCodec.Visit(4096, block, (reference, entry) => seen.Add((reference, Convert.ToHexString(entry))));
        Assert.Equal([((4096L << 15) | 0, RatedCdrFormat1), ((4096L << 15) | 1, RatedCdrFormat1)], seen);
        Assert.Equal(4096, EntryReference.Address(seen[1].Reference));
        Assert.Equal((4096L << 15) | 32767, EntryReference.Whole(4096));

        block[BlockCodec.HeaderSize] = 0xFF; // the first call's length runs past the block
        Assert.Throws<JournalFormatException>(() => BlockCodec.Visit(4096, block, (_, _) => { }));
    }

    [Fact]
    public void Read_DamagedEntry_IsAFormatError()
    {
        var bytes = Convert.FromHexString(RatedCdrFormat1);
        bytes[20] = 0xFF; // id length no longer adds up
        Assert.Throws<JournalFormatException>(() => RatedCdrCodec.Read(bytes, 42));
    }

    [Theory]
    [InlineData(0L, 197001)]
    [InlineData(-1L, 196912)]
    [InlineData(1_792_065_600L, 202610)]
    [InlineData(951_782_400L, 200002)] // 2000-02-29
    [InlineData(4_107_542_399L, 210002)] // 2100-02-28T23:59:59Z: 2100 is not a leap year
    [InlineData(4_107_542_400L, 210003)]
    public void UtcPeriod_IsTheUtcCalendarMonth(long unixSeconds, int expected) =>
        Assert.Equal(expected, UtcPeriod.FromUnixSeconds(unixSeconds));

    [Fact]
    public void UtcPeriod_AgreesWithNodaTimeEverywhere() =>
        Prop.ForAll(Gen.Choose(-2_000_000, 2_000_000).Select(d => (d * 86_400L) + (d % 86_400)).ToArbitrary(), seconds =>
        {
            var utc = Instant.FromUnixTimeSeconds(seconds).InUtc();
            return UtcPeriod.FromUnixSeconds(seconds) == (utc.Year * 100) + utc.Month;
        }).QuickCheckThrowOnFailure();
}
