using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Centrex.Ledger.State;

/// <summary>
/// Allocates the exactly-once registry's large tables (the in-memory id tables and the id filters) on transparent huge
/// pages where Linux offers them. Each table is probed at a random place for every call charged: with 4 KiB pages
/// nearly every probe also misses the TLB, and under a hypervisor a TLB miss is a two-dimensional page walk. Debian's
/// default (<c>transparent_hugepage=madvise</c>) backs memory with 2 MiB pages only where asked, so the tables ask. A
/// table is allocated pinned (it never moves, so the advice stays with it), advised before its pages are first
/// touched, then cleared; where the kernel says no, it is an ordinary array.
/// </summary>
internal static partial class HugePageArrays
{
    private const nint HugePage = 2 << 20;

    // Smaller tables fit the TLB's reach anyway, and pinning them would fragment the heap for nothing.
    private const long SmallestAdvised = 4 * HugePage;

    // madvise(2): MADV_HUGEPAGE.
    private const int AdviseHugePage = 14;

    /// <summary>A zeroed array of <paramref name="length"/> elements, on huge pages when it is large and Linux allows.</summary>
    public static T[] Allocate<T>(long length)
        where T : unmanaged
    {
        var count = checked((int)length);
        if (!OperatingSystem.IsLinux() || (long)count * Unsafe.SizeOf<T>() < SmallestAdvised)
        {
            return new T[count];
        }

        var array = GC.AllocateUninitializedArray<T>(count, pinned: true);
        Advise(array);
        Array.Clear(array); // the first touch: a fault in an advised range is served with a huge page when one is free
        return array;
    }

    private static unsafe void Advise<T>(T[] array)
        where T : unmanaged
    {
        var start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        var end = start + ((nint)array.Length * sizeof(T));
        var first = (start + HugePage - 1) & ~(HugePage - 1);
        var last = end & ~(HugePage - 1);
        if (last > first)
        {
            // A hint: an older kernel, or THP turned off, refuses it and the pages stay small.
            _ = MAdvise(first, (nuint)(last - first), AdviseHugePage);
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int MAdvise(nint address, nuint length, int advice);
}
