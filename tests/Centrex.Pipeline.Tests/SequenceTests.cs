using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Centrex.Pipeline.Tests;

public sealed class SequenceTests
{
    [Fact]
    public void Layout_ValueFieldDeclaredAtOffset56AndTypeIs120Bytes()
    {
        var field = typeof(Sequence).GetField("_value", BindingFlags.Instance | BindingFlags.NonPublic);
        Assert.NotNull(field);
        Assert.Equal(typeof(long), field.FieldType);
        Assert.Equal(56, Marshal.OffsetOf<Sequence>("_value").ToInt32());
        Assert.Equal(56 * 2 + 8, Marshal.SizeOf<Sequence>());
    }

    [Fact]
    public void Layout_ManagedObjectHoldsTheValueAt56BytesIntoItsDataAndNothingElseInItsCacheLine()
    {
        var sequence = new Sequence(0x1122_3344_5566_7788);

        // The first byte of the object's data (just after the method table pointer), seen through a class whose
        // only field is a byte.
        ref var data = ref Unsafe.As<RawObject>(sequence).FirstByte;
        Assert.Equal(0x1122_3344_5566_7788, Unsafe.ReadUnaligned<long>(ref Unsafe.Add(ref data, 56)));

        // Every other byte of the 120-byte body is padding (zero): nothing else lives within 56 bytes of the value.
        for (var offset = 0; offset < 120; offset++)
        {
            if (offset is < 56 or >= 64)
            {
                Assert.Equal(0, Unsafe.Add(ref data, offset));
            }
        }
    }

    [Fact]
    public void Layout_EachSequenceObjectOccupiesAtLeast120BytesOfHeap()
    {
        _ = new Sequence(); // warm up type loading and the allocation context
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sequence = new Sequence();
        var after = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(sequence);
        Assert.True(after - before >= 120, $"a Sequence took {after - before} bytes");
    }

    [Fact]
    public void New_StartsAtInitialValueMinusOne()
    {
        Assert.Equal(-1, Sequence.InitialValue);
        Assert.Equal(-1, new Sequence().Value);
        Assert.Equal(42, new Sequence(42).Value);
    }

    [Fact]
    public void SetValueAndSetValueVolatile_AreReadBack()
    {
        var sequence = new Sequence();
        sequence.SetValue(7);
        Assert.Equal(7, sequence.Value);
        sequence.SetValueVolatile(9);
        Assert.Equal(9, sequence.Value);
        Assert.Equal("9", sequence.ToString());
    }

    [Fact]
    public void CompareAndSet_SucceedsOnlyFromTheExpectedValue()
    {
        var sequence = new Sequence(5);
        Assert.False(sequence.CompareAndSet(4, 10));
        Assert.Equal(5, sequence.Value);
        Assert.True(sequence.CompareAndSet(5, 10));
        Assert.Equal(10, sequence.Value);
    }

    [Fact]
    public void IncrementAndAdd_FourThreadsConcurrently_LoseNoUpdate()
    {
        var sequence = new Sequence(0);
        const int PerThread = 200_000;
        Support.Bounded.Run(() =>
        {
            var workers = Support.Workers.Start(4, index =>
            {
                for (var i = 0; i < PerThread; i++)
                {
                    if (index % 2 == 0)
                    {
                        sequence.IncrementAndGet();
                    }
                    else
                    {
                        sequence.AddAndGet(2);
                    }
                }
            });
            workers.Join(TimeSpan.FromSeconds(30));
        });

        Assert.Equal((2 * PerThread) + (2 * PerThread * 2), sequence.Value);
    }

    private sealed class RawObject
    {
        public byte FirstByte;
    }
}
