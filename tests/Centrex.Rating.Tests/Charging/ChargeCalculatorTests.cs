using Centrex.Rating.Charging;
using Centrex.Rating.Money;

namespace Centrex.Rating.Tests.Charging;

public class ChargeCalculatorTests
{
    [Theory]
    [InlineData("0.0100", "0", 60L, 10L)] // 1 cent/min for a minute = 10 mills exactly
    [InlineData("0.0100", "0", 6L, 1L)] // 0.1 cent exactly
    [InlineData("0.0100", "0", 1L, 1L)] // 0.0166.. cent rounds up to 1 mill
    [InlineData("0.0114", "0", 30L, 6L)] // 0.0057 dollars = 5.7 mills → 6
    [InlineData("0.0114", "0.05", 30L, 56L)] // + 5 cents connect: 55.7 mills → 56
    [InlineData("0.006", "0", 60L, 6L)]
    [InlineData("0.006001", "0", 60L, 7L)] // a millionth over → next mill
    [InlineData("0", "0.0025", 60L, 3L)] // connect fee alone rounds up: 2.5 mills → 3
    [InlineData("0", "0", 60L, 0L)]
    [InlineData("1.5", "0.25", 0L, 0L)] // zero duration: no connect fee either
    [InlineData("0.057", "0", 60L, 57L)]
    [InlineData("0.000001", "0", 1L, 1L)] // the smallest charge is one mill
    public void Charge_IsExactThenRoundedUpToTheMill(string rate, string connect, long billed, long expectedMills) =>
        Assert.Equal(expectedMills, ChargeCalculator.Charge(MicroDollars.Parse(rate), MicroDollars.Parse(connect), billed).Value);

    [Fact]
    public void Charge_EqualsCeilingOfExactDecimalAmount() =>
        Prop.ForAll(
            Gen.Choose(0, 5_000_000).ToArbitrary(),
            Gen.Choose(0, 1_000_000).ToArbitrary(),
            Gen.Choose(0, 90_000).ToArbitrary(),
            (rate, connect, billed) =>
            {
                // decimal is the slow, obviously-correct reference: micro-dollars to dollars, then up to the mill.
                var exact = billed == 0 ? 0m : (connect / 1_000_000m) + (rate / 1_000_000m * billed / 60m);
                var expected = (long)decimal.Ceiling(exact * 1000m);
                var unchecked_ = ChargeCalculator.ChargeUnchecked(rate, connect, billed).Value;
                return ChargeCalculator.Charge(new MicroDollars(rate), new MicroDollars(connect), billed).Value == expected && unchecked_ == expected;
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void RoundedUpNumerator_Overflow_Throws() =>
        Assert.Throws<OverflowException>(() => ChargeCalculator.RoundedUpNumerator(new MicroDollars(long.MaxValue / 2), default, 3));
}
