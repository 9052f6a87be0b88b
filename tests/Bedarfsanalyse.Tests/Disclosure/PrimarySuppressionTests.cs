using Bedarfsanalyse.Core.Disclosure;
using Bedarfsanalyse.Core.Statistics;

namespace Bedarfsanalyse.Tests.Disclosure;

public sealed class PrimarySuppressionTests
{
    private readonly PrimarySuppression _rules = new();

    [Theory]
    [InlineData(0, "–", "keine Fälle")]
    [InlineData(1, ".", "weniger als 3 Fälle")]
    [InlineData(2, ".", "weniger als 3 Fälle")]
    [InlineData(3, "", null)]
    public void Counts_of_one_or_two_respondents_are_never_shown(int respondents, string symbol, string? reason)
    {
        var status = _rules.ForCount(respondents);

        status.SymbolText.ShouldBe(symbol);
        status.ReasonText.ShouldBe(reason);
    }

    [Theory]
    [InlineData(5, 9, "/", "Basis unter 10 Fällen")]
    [InlineData(5, 10, "( )", "eingeschränkte Aussagekraft (Basis 10 bis 29 Fälle)")]
    [InlineData(5, 29, "( )", "eingeschränkte Aussagekraft (Basis 10 bis 29 Fälle)")]
    [InlineData(5, 30, "", null)]
    [InlineData(2, 50, ".", "weniger als 3 Fälle")]
    [InlineData(0, 50, "–", "keine Fälle")]
    [InlineData(0, 0, "–", "keine Fälle")]
    [InlineData(0, 2, ".", "weniger als 3 Fälle")]
    [InlineData(2, 5, ".", "weniger als 3 Fälle")]
    public void Shares_need_a_base_of_ten_and_are_bracketed_below_thirty(int count, int unweightedBase, string symbol, string? reason)
    {
        var status = _rules.ForShare(count, unweightedBase);

        status.SymbolText.ShouldBe(symbol);
        status.ReasonText.ShouldBe(reason);
    }

    [Fact]
    public void Means_follow_the_base_rules_of_shares()
    {
        _rules.ForMean(2).SymbolText.ShouldBe(".");
        _rules.ForMean(9).SymbolText.ShouldBe("/");
        _rules.ForMean(12).SymbolText.ShouldBe("( )");
        _rules.ForMean(30).ShowsValue.ShouldBeTrue();
        _rules.ForEstimate(MeanEstimator.Estimate(Enumerable.Range(1, 12).Select(i => (double)i).ToArray())).Symbol.ShouldBe(CellSymbol.LimitedReliability);
        _rules.ForEstimate(ShareEstimator.Estimate(2, 100)).Symbol.ShouldBe(CellSymbol.Secret);
    }

    [Fact]
    public void The_thresholds_and_their_German_reasons_are_configuration()
    {
        var rules = new PrimarySuppression(new DisclosureSettings { MinimumCases = 5, MinimumShareBase = 20, FullReliabilityBase = 50 });

        rules.ForCount(4).ReasonText.ShouldBe("weniger als 5 Fälle");
        rules.ForShare(10, 19).ReasonText.ShouldBe("Basis unter 20 Fällen");
        rules.ForShare(10, 49).ReasonText.ShouldBe("eingeschränkte Aussagekraft (Basis 20 bis 49 Fälle)");
        Should.Throw<ArgumentOutOfRangeException>(() => new PrimarySuppression(new DisclosureSettings { MinimumShareBase = 40, FullReliabilityBase = 30 }))
            .Message.ShouldContain("aufsteigen");
    }

    [Fact]
    public void A_sum_dominated_by_two_contributors_is_secret()
    {
        // 100 + 50 of 175 = 85.7 % > 85 %.
        var status = _rules.ForSum([100m, 50m, 10m, 10m, 5m]);

        status.SymbolText.ShouldBe(".");
        status.Reason.ShouldBe(SuppressionReason.Dominance);
        status.ReasonText.ShouldBe("Dominanzregel (2, 85)");
    }

    [Fact]
    public void A_sum_where_the_top_two_hold_exactly_85_percent_is_shown()
    {
        new DominanceRule(2, 85m).IsDominated([80m, 5m, 5m, 5m, 5m]).ShouldBeFalse();
        new DominanceRule(2, 85m).IsDominated([80m, 5.01m, 5m, 5m, 4.99m]).ShouldBeTrue();
        _rules.ForSum([100m, 40m, 10m, 10m, 10m]).ShowsValue.ShouldBeTrue();
    }

    [Fact]
    public void A_sum_from_fewer_than_three_contributors_is_secret_for_too_few_cases()
    {
        _rules.ForSum([100m, 1m]).ReasonText.ShouldBe("weniger als 3 Fälle");
        _rules.ForSum([]).SymbolText.ShouldBe("–");
        _rules.ForSum([0m, 0m, 0m]).ShowsValue.ShouldBeTrue();
    }

    [Fact]
    public void Negative_contributions_and_counts_are_refused_in_German()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => _rules.ForSum([5m, -1m, 3m])).Message.ShouldContain("nicht negativ");
        Should.Throw<ArgumentOutOfRangeException>(() => _rules.ForCount(-1)).Message.ShouldContain("nicht negativ");
        Should.Throw<ArgumentOutOfRangeException>(() => _rules.ForShare(11, 10)).Message.ShouldContain("größer als die Basis");
    }
}
