using System.Text;

namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// Each account's customer as UTF-8, looked up by the account's UTF-8 bytes as the switch's CDR store holds them, with
/// no string made once an account was seen (the indexer reads a call log's worth of CDRs over random lines). Bound to
/// one provisioning snapshot: a pass whose snapshot changed starts a new one (a line moved to another customer is
/// indexed under its new customer from then on, as the journal's calls are).
/// </summary>
internal sealed class AccountCustomers(ProvisioningIndex index)
{
    private readonly Dictionary<string, byte[]?> _customers = new(StringComparer.Ordinal);

    /// <summary>The snapshot the answers come from.</summary>
    public ProvisioningIndex Index => index;

    /// <summary>The customer of <paramref name="account"/>, UTF-8, or null when it is not provisioned.</summary>
    public byte[]? Of(ReadOnlySpan<byte> account)
    {
        Span<char> chars = stackalloc char[128];
        if (account.Length > chars.Length || !Encoding.UTF8.TryGetChars(account, chars, out var length))
        {
            return Lookup(Encoding.UTF8.GetString(account));
        }

        var lookup = _customers.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(chars[..length], out var customer) ? customer : Lookup(new string(chars[..length]));
    }

    private byte[]? Lookup(string account)
    {
        if (!_customers.TryGetValue(account, out var customer))
        {
            customer = index.Account(account)?.CustomerId is { } id ? Encoding.UTF8.GetBytes(id) : null;
            if (_customers.Count < 1_000_000)
            {
                _customers[account] = customer; // bounded: a flood of unknown callers' numbers must not grow it without end
            }
        }

        return customer;
    }
}
