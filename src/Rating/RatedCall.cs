using Centrex.Rating.Money;
using Centrex.Rating.Numbering;

namespace Centrex.Rating;

/// <summary>The result of rating one call: a value type the kernel fills in place, so rating allocates nothing.</summary>
public struct RatedCall
{
    /// <summary>The callee normalized to E.164 digits.</summary>
    public NormalizedNumber Callee;

    /// <summary>How the callee is billed.</summary>
    public NumberClass Class;

    /// <summary>Index of the matched row in <see cref="Tariffs.Tariff.Rows"/>, or -1.</summary>
    public int TariffRow;

    /// <summary>Seconds billed after increments.</summary>
    public long BilledSeconds;

    /// <summary>The charge, rounded up to the mill.</summary>
    public Mills Charge;
}
