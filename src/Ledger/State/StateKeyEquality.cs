namespace Centrex.Ledger.State;

/// <summary><see cref="StateKey"/> equality for .NET collections (the writer's pending totals).</summary>
internal sealed class StateKeyEquality : IEqualityComparer<StateKey>
{
    public static readonly StateKeyEquality Instance = new();

    public bool Equals(StateKey x, StateKey y) => StateKeyComparer.Instance.Equals(ref x, ref y);

    public int GetHashCode(StateKey obj) => (int)StateKeyComparer.Instance.GetHashCode64(ref obj);
}
