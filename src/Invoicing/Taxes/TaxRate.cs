using NodaTime;

namespace Centrex.Invoicing.Taxes;

/// <summary>One sales tax of one province, in force from <see cref="From"/> through <see cref="To"/> (inclusive).</summary>
/// <param name="Province">Two-letter province or territory code.</param>
/// <param name="Tax">The tax's name on invoices: GST, HST, PST, QST, RST.</param>
/// <param name="Rate">The rate in thousandths of a percent (9.975% is 9,975).</param>
/// <param name="From">First day in force.</param>
/// <param name="To">Last day in force, or null while it is.</param>
/// <param name="Line">Line of the table file it came from.</param>
public sealed record TaxRate(string Province, string Tax, long Rate, LocalDate From, LocalDate? To, long Line)
{
    /// <summary>Rate units in 100%.</summary>
    public const long Whole = 100_000;

    /// <summary>Whether it is in force on <paramref name="date"/>.</summary>
    public bool InForceOn(LocalDate date) => date >= From && (To is not { } to || date <= to);
}
