using Centrex.Rating.Cdrs;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;

namespace Centrex.Invoicing.Xdr;

/// <summary>The totals of a report, overall and per number class, added up call by call in exact mills.</summary>
public sealed class XdrSummary
{
    private readonly Totals[] _byClass = new Totals[(int)NumberClass.TollFreeInbound + 1];

    /// <summary>All calls.</summary>
    public Totals All { get; private set; }

    /// <summary>The totals of one class.</summary>
    public Totals Of(NumberClass numberClass) => _byClass[(int)numberClass];

    /// <summary>Counts one call.</summary>
    public void Add(RatedCdr call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Add(call.Class, call.BilledSeconds, call.Charge, call.Discount);
    }

    /// <summary>Counts one call given by its fields.</summary>
    public void Add(NumberClass numberClass, long billedSeconds, Mills charge, Mills discount)
    {
        All = All.Plus(billedSeconds, charge, discount);
        _byClass[(int)numberClass] = _byClass[(int)numberClass].Plus(billedSeconds, charge, discount);
    }

    /// <summary>Calls, billed seconds and amounts.</summary>
    /// <param name="Calls">Calls.</param>
    /// <param name="BilledSeconds">Billed seconds.</param>
    /// <param name="Charge">Charges before discounts.</param>
    /// <param name="Discount">Volume discounts.</param>
    public readonly record struct Totals(long Calls, long BilledSeconds, Mills Charge, Mills Discount)
    {
        /// <summary>Charges less discounts.</summary>
        public Mills Net => Charge - Discount;

        internal Totals Plus(long billedSeconds, Mills charge, Mills discount) =>
            new(checked(Calls + 1), checked(BilledSeconds + billedSeconds), Charge + charge, Discount + discount);
    }
}
