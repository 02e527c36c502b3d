namespace Centrex.Pipeline.Tests.Support;

/// <summary>Reads how many heap bytes an instance of a class takes.</summary>
internal static class ObjectLayout
{
    /// <summary>
    /// The runtime's base instance size for <paramref name="type"/>: header, method table pointer and fields. It is
    /// the 32-bit field right after the 32-bit flags at the start of the CoreCLR MethodTable, which a type handle
    /// points to. Hacky, so <c>ObjectLayoutTests</c> checks it against types whose size is certain.
    /// </summary>
    public static unsafe int HeapSize(Type type) => *(int*)((byte*)type.TypeHandle.Value + 4);
}
