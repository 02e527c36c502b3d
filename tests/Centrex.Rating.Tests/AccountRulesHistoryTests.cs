using System.Text;
using Centrex.Rating.Charging;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;

namespace Centrex.Rating.Tests;

/// <summary>
/// A call keeps the account rules it started with (issue 14): serve changes them live, and a CDR rated when its call
/// ends is rated with the set in force at the call's start, for as long as a charged call can last.
/// </summary>
public class AccountRulesHistoryTests
{
    private static readonly Tariff Tariff = TariffLoader.Parse(Encoding.UTF8.GetBytes(
        "prefix,destination,rate,connect_fee,first_increment,next_increment\n1,North America,0.0100,0,6,6\n"), "tariff.csv");

    [Fact]
    public void EachCall_GetsTheRulesInForceAtItsStart_AndSetsLongReplacedAreDropped_ButTheOneInForceAtTheCutOff()
    {
        var (first, second, third) = (Rules(), Rules(), Rules());
        var rater = new Rater(Tariff, NumberingPlan.Default) { AccountRules = first };
        const long Change = 1_800_000_000 * TimeSpan.TicksPerSecond;
        rater.ChangeAccountRules(second, Change);

        Assert.Same(second, rater.AccountRules);
        Assert.Same(first, rater.AccountRulesAt(Change - 1)); // a call up since before the change
        Assert.Same(second, rater.AccountRulesAt(Change)); // a call that starts at the instant of the change
        Assert.Same(second, rater.AccountRulesAt(Change + (3_600 * TimeSpan.TicksPerSecond)));

        // Much later: the first set is gone; the second, in force at the cut-off, stays for calls that started under it.
        var later = Change + Rater.RulesKeptTicks + (600 * TimeSpan.TicksPerSecond);
        rater.ChangeAccountRules(third, later);
        Assert.Same(third, rater.AccountRulesAt(later));
        Assert.Same(second, rater.AccountRulesAt(later - 1));
        Assert.Same(second, rater.AccountRulesAt(Change - 1)); // older than anything kept: the oldest kept set

        // A rater given its rules whole (one run of `rate`) has no history.
        rater.AccountRules = first;
        Assert.Same(first, rater.AccountRulesAt(later));
    }

    private static AccountRules Rules() => new([], []);
}
