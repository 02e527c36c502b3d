using System.Globalization;
using System.Text;
using Centrex.Invoicing.Tests.Support;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Tests;

/// <summary>
/// Issue 17, rule 2's property: "A property test generates random sequences of activations, upgrades, downgrades,
/// same-price changes and cancellations on random dates, entered in random orders relative to billing runs, and checks
/// that the total billed for each subscription equals the exact prorated sum over its days of service."
/// </summary>
public sealed class SubscriptionBillingPropertyTests
{
    private static readonly (string Id, long Fee)[] Plans = [("P10", 10_000), ("P31", 31_000), ("Q31", 31_000), ("P62", 62_000)];
    private static readonly YearMonth FirstRun = new(2026, 1);
    private const int Runs = 11; // January to November 2026; all service ends by July 31

    [Fact]
    public void TotalBilledPerSubscription_IsTheExactProratedSumOfItsDays_WhateverTheOrderOfEntry()
    {
        Prop.ForAll(Gen.Choose(1, int.MaxValue).ToArbitrary(), seed =>
        {
            var scenario = Scenario.Generate(new Random(seed));
            using var h = new Harness();
            h.Import(Harness.Customer("C1", "A1", scenario.Requires911));
            for (var run = 0; run < Runs; run++)
            {
                if (scenario.KnownAt(run) is { } json)
                {
                    h.Import(json);
                }

                h.Bill(FirstRun.PlusMonths(run));
            }

            if (scenario.KnownAt(Runs) is { } late)
            {
                h.Import(late); // entered after every run: the next run corrects
                h.Bill(FirstRun.PlusMonths(Runs));
            }

            foreach (var (id, fee, from, to) in scenario.FinalChain())
            {
                var expected = Months(from, to).Aggregate(Mills.Zero, (s, m) => s + MoneyRounding.Prorate(new Mills(fee), m.Days, m.DaysInMonth));
                Assert.True(expected == h.Billed("C1", $"sub:{id}:"), $"seed {seed}: {id} ({from:uuuu-MM-dd}..{to:uuuu-MM-dd}) billed {h.Billed("C1", $"sub:{id}:")}, its days cost {expected}\n{scenario}");
            }

            var months = scenario.FinalChain().SelectMany(s => Months(s.From, s.To).Select(m => m.Month)).Distinct().Count();
            var expected911 = scenario.Requires911 ? new Mills(2_990 * months) : Mills.Zero;
            Assert.True(expected911 == h.Billed("C1", "911:A1:"), $"seed {seed}: 911 billed {h.Billed("C1", "911:A1:")}, expected {expected911}\n{scenario}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    private static IEnumerable<(YearMonth Month, int Days, int DaysInMonth)> Months(LocalDate from, LocalDate to)
    {
        for (var m = new YearMonth(from.Year, from.Month); m <= new YearMonth(to.Year, to.Month); m = m.PlusMonths(1))
        {
            var first = m.OnDayOfMonth(1);
            var last = first.With(DateAdjusters.EndOfMonth);
            var days = Period.DaysBetween(from > first ? from : first, to < last ? to : last) + 1;
            yield return (m, days, last.Day);
        }
    }

    /// <summary>One account's plan history and when each fact was entered (before which billing run).</summary>
    private sealed record Scenario(bool Requires911, List<(string Plan, LocalDate Requested, int Entered)> Changes, LocalDate Cancelled, int CancelEntered)
    {
        public static Scenario Generate(Random r)
        {
            var changes = new List<(string, LocalDate, int)>();
            var date = new LocalDate(2026, 1, 1).PlusDays(r.Next(46));
            var entered = r.Next(Runs + 1);
            changes.Add((Plans[r.Next(Plans.Length)].Id, date, entered));
            for (var i = r.Next(4); i > 0; i--)
            {
                // Changes at least 32 days apart, so one scheduled for the next 1st never meets the next change.
                date = date.PlusDays(32 + r.Next(14));
                changes.Add((Plans[r.Next(Plans.Length)].Id, date, entered + r.Next(Runs + 1 - entered)));
            }

            // The cancellation comes after the month of the last change, whatever that change's effective day.
            var after = date.With(DateAdjusters.EndOfMonth).PlusDays(1);
            var cancelled = after.PlusDays(r.Next(Math.Max(1, Period.DaysBetween(after, new LocalDate(2026, 7, 31)) + 1)));
            return new Scenario(r.Next(2) == 0, changes, cancelled, entered + r.Next(Runs + 1 - entered));
        }

        /// <summary>The provisioning JSON known before run <paramref name="run"/>, when something new is known then.</summary>
        public string? KnownAt(int run)
        {
            if (!Changes.Any(c => c.Entered == run) && CancelEntered != run)
            {
                return null;
            }

            var known = Changes.Select((c, i) => (Id: "S" + i, c.Plan, c.Requested, c.Entered)).Where(c => c.Entered <= run).ToList();
            var json = new StringBuilder("""{ "format": "centrex-provisioning/1", "subscriptions": [""");
            for (var i = 0; i < known.Count; i++)
            {
                var end = i + 1 < known.Count ? known[i + 1].Requested.PlusDays(-1) : CancelEntered <= run ? Cancelled : (LocalDate?)null;
                json.Append(CultureInfo.InvariantCulture, $$"""{{(i > 0 ? "," : string.Empty)}} { "id": "{{known[i].Id}}", "account": "A1", "product": "{{known[i].Plan}}", "start": "{{known[i].Requested:uuuu-MM-dd}}" """);
                json.Append(end is { } e ? $""", "end": "{e:uuuu-MM-dd}" """ : string.Empty);
                json.Append(i > 0 ? $$""", "replaces": "{{known[i - 1].Id}}" }""" : " }");
            }

            return json.Append("] }").ToString();
        }

        /// <summary>The subscriptions as finally known, with their effective days: a lower-priced plan starts on the next 1st.</summary>
        public List<(string Id, long Fee, LocalDate From, LocalDate To)> FinalChain()
        {
            var fee = Plans.ToDictionary(p => p.Id, p => p.Fee);
            var starts = new List<LocalDate>();
            for (var i = 0; i < Changes.Count; i++)
            {
                var downgrade = i > 0 && fee[Changes[i].Plan] < fee[Changes[i - 1].Plan] && Changes[i].Requested.Day != 1;
                starts.Add(downgrade ? Changes[i].Requested.With(DateAdjusters.EndOfMonth).PlusDays(1) : Changes[i].Requested);
            }

            return [.. Changes.Select((c, i) => ("S" + i, fee[c.Plan], starts[i], i + 1 < Changes.Count ? starts[i + 1].PlusDays(-1) : Cancelled))];
        }

        public override string ToString() =>
            string.Join("; ", Changes.Select((c, i) => $"S{i} {c.Plan} from {c.Requested:uuuu-MM-dd} entered before run {c.Entered}")) +
            $"; cancelled {Cancelled:uuuu-MM-dd} entered before run {CancelEntered}; 911 {Requires911}";
    }
}
