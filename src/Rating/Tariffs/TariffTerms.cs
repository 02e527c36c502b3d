using System.Runtime.InteropServices;
using Centrex.Rating.Charging;

namespace Centrex.Rating.Tariffs;

/// <summary>
/// The numbers the rating kernel needs from one tariff row, packed together (32 bytes) so a lookup touches one
/// cache line. Built only by <see cref="TariffLoader"/>, which proves the charge cannot overflow.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly struct TariffTerms(long ratePerMinute, long connectFee, int firstIncrement, int nextIncrement)
{
    /// <summary>Lets the kernel divide by the next increment with a multiply (see <see cref="BillingIncrements.StepReciprocal"/>).</summary>
    public readonly ulong StepReciprocal = BillingIncrements.StepReciprocal(nextIncrement);

    /// <summary>Micro-dollars per minute.</summary>
    public readonly long RatePerMinute = ratePerMinute;

    /// <summary>Micro-dollars per answered call.</summary>
    public readonly long ConnectFee = connectFee;

    /// <summary>Seconds in the first increment.</summary>
    public readonly int FirstIncrement = firstIncrement;

    /// <summary>Seconds in each following increment.</summary>
    public readonly int NextIncrement = nextIncrement;
}
