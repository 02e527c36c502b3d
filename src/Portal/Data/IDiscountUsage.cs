namespace Centrex.Portal.Data;

/// <summary>
/// The volume discount counters where rating keeps them (<c>serve</c>'s one set for everything that charges, advanced
/// on the ledger's writer thread): the Volume Discounts page reads what billing applied, never a second count of its
/// own. <c>serve</c> gives one when it rates (a tariff); without one the page says so.
/// </summary>
public interface IDiscountUsage
{
    /// <summary>Each plan's usage of each of <paramref name="accounts"/>, in every period counted since serve started its counters (replayed from the journal).</summary>
    Task<IReadOnlyList<DiscountUsage>> Of(IReadOnlyCollection<string> accounts);
}
