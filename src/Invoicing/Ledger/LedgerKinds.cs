namespace Centrex.Invoicing.Ledger;

/// <summary>Wire names of <see cref="LedgerKind"/> in the store and the CSV invoice (a contract).</summary>
public static class LedgerKinds
{
    private static readonly string[] Names = ["calls", "volume-discount", "subscription", "emergency-911", "free-minutes-credit", "tax", "payment", "refund", "reversal", "fee", "adjustment"];

    /// <summary>The wire name.</summary>
    public static string ToWireName(this LedgerKind kind) => Names[(int)kind];

    /// <summary>Parses a wire name.</summary>
    public static LedgerKind Parse(string name)
    {
        var index = Array.IndexOf(Names, name);
        return index >= 0 ? (LedgerKind)index : throw new FormatException($"'{name}' is not a ledger kind");
    }
}
