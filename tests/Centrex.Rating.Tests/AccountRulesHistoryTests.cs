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
        var (first, second, third) = (Rules(1), Rules(2), Rules(3));
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

    /// <summary>
    /// Every provisioning commit (a payment, a forwarding edit, the reload every 250 ms) hands serve a freshly built set
    /// of rules; one that says the same as the set in force adds no version, so the history does not grow with them
    /// (before: a full set per commit, kept three hours). A real change still adds one.
    /// </summary>
    [Fact]
    public void ManyCommitsThatChangeNoRule_KeepOneVersion_ARealChangeAddsOne()
    {
        var rater = new Rater(Tariff, NumberingPlan.Default);
        const long Start = 1_800_000_000 * TimeSpan.TicksPerSecond;
        for (var commit = 0; commit < 1_000; commit++)
        {
            rater.ChangeAccountRules(Rules(5, prefixes: ["604", "778"]), Start + commit);
        }

        Assert.Equal(1, rater.RulesVersions);
        rater.ChangeAccountRules(Rules(5, prefixes: ["778", "604"]), Start + 2_000); // the same area, given in another order
        Assert.Equal(1, rater.RulesVersions);
        rater.ChangeAccountRules(Rules(6, prefixes: ["604", "778"]), Start + 3_000); // the rate changed
        Assert.Equal(2, rater.RulesVersions);
        Assert.Equal(Rules(5, ["604", "778"]).Fingerprint, rater.AccountRulesAt(Start + 2_999)!.Fingerprint);
    }

    /// <summary>Real changes within the three-hour window are capped: the oldest go past <see cref="Rater.MaxRulesVersions"/>.</summary>
    [Fact]
    public void RealChangesWithinTheWindow_AreCappedAtMaxRulesVersions()
    {
        var rater = new Rater(Tariff, NumberingPlan.Default);
        const long Start = 1_800_000_000 * TimeSpan.TicksPerSecond;
        for (var change = 0; change < 3 * Rater.MaxRulesVersions; change++)
        {
            rater.ChangeAccountRules(Rules(change + 1), Start + change);
        }

        Assert.Equal(Rater.MaxRulesVersions, rater.RulesVersions);
        Assert.Equal(Rules(3 * Rater.MaxRulesVersions).Fingerprint, rater.AccountRules!.Fingerprint);
    }

    private static AccountRules Rules(long rate, string[]? prefixes = null) =>
        new([new LocalArea("yvr", prefixes ?? ["604"], new Centrex.Rating.Money.MicroDollars(rate))],
            [("16045550100", "yvr", new Dictionary<string, Centrex.Rating.Money.MicroDollars>())]);
}
