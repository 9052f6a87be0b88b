using Bedarfsanalyse.Core.Statistics;
using Bedarfsanalyse.Core.Weighting;

namespace Bedarfsanalyse.Tests.Weighting;

public sealed class WeightingTests
{
    private const string Holzminden = "03255";
    private static readonly Stratum SmallTrade = new(Holzminden, "10-49", "G–I");
    private static readonly Stratum MicroTrade = new(Holzminden, "1-9", "G–I");
    private static readonly Stratum MicroBuilding = new(Holzminden, "1-9", "B–F");

    [Fact]
    public void Design_weights_are_population_over_sample_per_stratum()
    {
        var population = PopulationMargins.FromStrata([new(MicroTrade, 100), new(SmallTrade, 30), new(MicroBuilding, 8)]);
        Stratum[] sample = [MicroTrade, MicroTrade, SmallTrade, MicroTrade, SmallTrade, MicroBuilding, MicroTrade, SmallTrade, MicroBuilding];

        var weights = DesignWeights.Compute(sample, population);

        weights.ShouldBe([25.0, 25, 10, 25, 10, 4, 25, 10, 4]);
        weights.Sum().ShouldBe(138.0);
    }

    [Fact]
    public void A_design_weighted_share_is_the_population_weighted_mean_of_the_stratum_shares()
    {
        // Strata of 100, 30 and 8 establishments; supported training in 2 of 4, 3 of 3 and 0 of 2 interviews:
        // (100 · 1/2 + 30 · 1 + 8 · 0) / 138 = 80 / 138 = 58,0 %, against 5 of 9 = 55,6 % unweighted.
        var population = PopulationMargins.FromStrata([new(MicroTrade, 100), new(SmallTrade, 30), new(MicroBuilding, 8)]);
        (Stratum Stratum, bool Trained)[] interviews =
        [
            (MicroTrade, true), (MicroTrade, false), (MicroTrade, true), (MicroTrade, false),
            (SmallTrade, true), (SmallTrade, true), (SmallTrade, true), (MicroBuilding, false), (MicroBuilding, false),
        ];
        var weighting = SampleWeighting.Compute(interviews.Select(i => i.Stratum).ToArray(), population,
            new WeightingSettings { MinimumRespondentsPerStratum = 2, CapFactor = null });

        var share = ShareEstimator.EstimateWeighted(WeightedShareInput.Accumulate(interviews.Select((i, k) => (i.Trained, weighting.Weights[k]))));

        weighting.Method.ShouldBe(WeightingMethod.DesignWeights);
        share.Point!.Value.ShouldBe(80.0 / 138.0, 1e-12);
        share.UnweightedN.ShouldBe(9);
        share.UnweightedCount.ShouldBe(5);
        share.EffectiveN.ShouldBe(138.0 * 138.0 / (4 * 625 + 3 * 100 + 2 * 16), 1e-9);
        Core.Formatting.GermanFigureFormat.Percent(share.Point.Value).ShouldBe("58,0 %");
    }

    [Fact]
    public void Respondents_in_a_stratum_the_population_does_not_have_are_refused_in_German()
    {
        var population = PopulationMargins.FromStrata([new(MicroTrade, 100), new(SmallTrade, 0)]);

        Should.Throw<WeightingException>(() => DesignWeights.Compute([MicroTrade, SmallTrade], population)).Message.ShouldBe(
            "Befragte in Schichten ohne Grundgesamtheit: Kreis 03255, Größenklasse 10-49, Wirtschaftsgruppe G–I. " +
            "Bitte die Eckwerte ergänzen oder die Zuordnung der Interviews prüfen.");
        Should.Throw<WeightingException>(() => DesignWeights.Compute([MicroBuilding], PopulationMargins.FromStrata([new(MicroBuilding, 5), new(MicroTrade, 9)])))
            .Message.ShouldStartWith("Schichten mit Grundgesamtheit, aber ohne Befragte: Kreis 03255, Größenklasse 1-9, Wirtschaftsgruppe G–I.");
    }

    [Fact]
    public void Negative_or_duplicate_population_figures_are_refused()
    {
        Should.Throw<WeightingException>(() => PopulationMargins.FromStrata([new(MicroTrade, -3)])).Message.ShouldContain("negativ");
        Should.Throw<WeightingException>(() => PopulationMargins.FromStrata([new(MicroTrade, 3), new(MicroTrade, 4)])).Message.ShouldContain("mehrfach");
        Should.Throw<WeightingException>(() => PopulationMargins.FromStrata([])).Message.ShouldContain("keine Eckwerte");
    }

    [Fact]
    public void Margins_that_do_not_add_up_are_refused_with_the_deviation()
    {
        Should.Throw<WeightingException>(() => PopulationMargins.FromMargins(
                [new(Holzminden, "1-9", 60), new(Holzminden, "10-49", 40)],
                [new(Holzminden, "G–I", 60), new(Holzminden, "B–F", 50)]))
            .Message.ShouldBe("Die Eckwerte für Kreis 03255 passen nicht zusammen: nach Größenklasse 100, nach Wirtschaftsgruppe 110 Betriebe " +
                              "(Abweichung 9,1 %, erlaubt sind 0,5 %).");
    }

    [Fact]
    public void The_tolerance_for_margins_is_configuration()
    {
        var margins = PopulationMargins.FromMargins(
            [new(Holzminden, "1-9", 60), new(Holzminden, "10-49", 40)],
            [new(Holzminden, "G–I", 60), new(Holzminden, "B–F", 50)],
            new WeightingSettings { MarginTolerance = 0.1 });

        margins.DistrictBySectorGroup.Sum(m => m.Count).ShouldBe(100.0, 1e-9);
    }

    [Fact]
    public void Margins_within_the_tolerance_are_aligned_to_the_size_class_total()
    {
        var margins = PopulationMargins.FromMargins(
            [new(Holzminden, "1-9", 600), new(Holzminden, "10-49", 400)],
            [new(Holzminden, "G–I", 501), new(Holzminden, "B–F", 501)]);

        margins.DistrictBySectorGroup.Sum(m => m.Count).ShouldBe(1000.0, 1e-9);
        Should.Throw<WeightingException>(() => PopulationMargins.FromMargins([new(Holzminden, "1-9", 6)], [new("03252", "G–I", 6)]))
            .Message.ShouldContain("fehlen die Eckwerte");
    }

    [Fact]
    public void Raking_reproduces_both_margins_and_the_hand_computed_weights()
    {
        // Cells (size × sector) with 2, 1 / 1, 2 respondents; margins 60 / 40 by size, 50 / 50 by sector.
        // The raked cell totals have the form a_i·b_j·n_ij; solving the four margin equations gives
        // 3v² + 70v − 3000 = 0 for the (1-9, B–F) cell, v = (−70 + √40,900) / 6 = 22.0396.
        Stratum[] sample = [MicroTrade, MicroTrade, MicroBuilding, new(Holzminden, "10-49", "B–F"), new(Holzminden, "10-49", "B–F"), SmallTrade];
        var margins = PopulationMargins.FromMargins(
            [new(Holzminden, "1-9", 60), new(Holzminden, "10-49", 40)],
            [new(Holzminden, "G–I", 50), new(Holzminden, "B–F", 50)]);

        var (weights, iterations) = Raking.Compute(sample, margins);

        var v = (-70 + Math.Sqrt(40900)) / 6;
        weights[2].ShouldBe(v, 1e-4);
        weights[0].ShouldBe((60 - v) / 2, 1e-4);
        weights[5].ShouldBe(v - 10, 1e-4);
        (weights[0] + weights[1] + weights[2]).ShouldBe(60, 60e-6);
        (weights[3] + weights[4] + weights[5]).ShouldBe(40, 40e-6);
        (weights[0] + weights[1] + weights[5]).ShouldBe(50, 50e-6);
        (weights[2] + weights[3] + weights[4]).ShouldBe(50, 50e-6);
        iterations.ShouldBeGreaterThan(1);
        Raking.LargestDeviation(sample, weights, margins).ShouldBeLessThan(1e-6);
    }

    [Fact]
    public void Raking_that_cannot_meet_the_margins_stops_at_the_iteration_cap_with_a_clear_error()
    {
        // Only (1-9, G–I) and (10-49, B–F) were interviewed: one cell would need 50 by size and 30 by sector.
        Stratum[] sample = [MicroTrade, new(Holzminden, "10-49", "B–F")];
        var margins = PopulationMargins.FromMargins(
            [new(Holzminden, "1-9", 50), new(Holzminden, "10-49", 50)],
            [new(Holzminden, "G–I", 30), new(Holzminden, "B–F", 70)]);

        Should.Throw<WeightingException>(() => Raking.Compute(sample, margins, new WeightingSettings { RakingMaxIterations = 40 })).Message
            .ShouldStartWith("Die Randanpassung (Raking) konvergiert nicht: nach 40 Iterationen weicht der Eckwert „Kreis 03255, Größenklasse 1-9“ noch um 40,0 % ab.");
    }

    [Fact]
    public void Raking_refuses_margins_no_respondent_can_reach()
    {
        var margins = PopulationMargins.FromMargins(
            [new(Holzminden, "1-9", 50), new(Holzminden, "250+", 5)],
            [new(Holzminden, "G–I", 55)]);

        Should.Throw<WeightingException>(() => Raking.Compute([MicroTrade, MicroTrade], margins)).Message
            .ShouldStartWith("Eckwerte mit Grundgesamtheit, aber ohne Befragte: Kreis 03255, Größenklasse 250+.");
    }

    [Fact]
    public void Capping_trims_to_the_cap_and_spreads_the_excess_within_the_district()
    {
        // Mean 4, cap 2 × 4 = 8: the 16 loses 8, which goes to the four 1s in proportion (+2 each).
        var (weights, capped) = WeightCapping.Apply([1.0, 1, 1, 1, 16], [Holzminden, Holzminden, Holzminden, Holzminden, Holzminden], 2.0);

        weights.ShouldBe([3.0, 3, 3, 3, 8]);
        capped.ShouldBe(1);
    }

    [Fact]
    public void Capping_iterates_when_spreading_pushes_another_weight_over_the_cap()
    {
        // Total 40, mean 8, cap 16. 27 → 16; spreading 11 over 1, 1, 1, 10 lifts the 10 to 18.46 > 16, so it is
        // capped too, and the three 1s share the remaining 8: 2.667 each.
        var districts = Enumerable.Repeat(Holzminden, 5).ToArray();
        var (weights, capped) = WeightCapping.Apply([1.0, 1, 1, 10, 27], districts, 2.0);

        weights[0].ShouldBe(8.0 / 3, 1e-12);
        weights[3].ShouldBe(16.0, 1e-12);
        weights[4].ShouldBe(16.0, 1e-12);
        weights.Sum().ShouldBe(40.0, 1e-12);
        capped.ShouldBe(2);
    }

    [Fact]
    public void Capping_keeps_each_district_total()
    {
        var (weights, _) = WeightCapping.Apply([1.0, 30, 2, 2, 50, 1], ["A", "A", "A", "B", "B", "B"], 1.5);

        (weights[0] + weights[1] + weights[2]).ShouldBe(33.0, 1e-9);
        (weights[3] + weights[4] + weights[5]).ShouldBe(53.0, 1e-9);
        weights.Max().ShouldBeLessThanOrEqualTo(1.5 * 53 / 3 + 1e-9);
        Should.Throw<WeightingException>(() => WeightCapping.Apply([1.0], ["A"], 1.0)).Message.ShouldContain("größer als das 1-Fache");
    }

    [Fact]
    public void The_effective_sample_size_is_Kish_s()
    {
        EffectiveSampleSize.Kish([1.0, 1, 2, 4]).ShouldBe(64.0 / 22, 1e-12);
        EffectiveSampleSize.Kish(Enumerable.Repeat(3.7, 50)).ShouldBe(50, 1e-9);
        EffectiveSampleSize.Kish([]).ShouldBe(0);
        EffectiveSampleSize.DesignEffect([1.0, 1, 2, 4]).ShouldBe(4 * 22 / 64.0, 1e-12);
    }

    [Fact]
    public void Sample_weighting_uses_design_weights_when_every_stratum_is_filled()
    {
        var population = PopulationMargins.FromStrata([new(MicroTrade, 90), new(SmallTrade, 30)]);
        Stratum[] sample = [MicroTrade, MicroTrade, MicroTrade, SmallTrade, SmallTrade, SmallTrade];

        var result = SampleWeighting.Compute(sample, population, new WeightingSettings { CapFactor = null });

        result.Method.ShouldBe(WeightingMethod.DesignWeights);
        result.Weights.ShouldBe([30.0, 30, 30, 10, 10, 10]);
        result.UnweightedN.ShouldBe(6);
        result.EffectiveN.ShouldBe(120.0 * 120 / (3 * 900 + 3 * 100), 1e-9);
        result.LargestMarginDeviation.ShouldBe(0, 1e-12);
    }

    [Fact]
    public void Sample_weighting_rakes_when_a_stratum_is_sparse_and_caps_afterwards()
    {
        var population = PopulationMargins.FromStrata([
            new(MicroTrade, 40), new(MicroBuilding, 20), new(SmallTrade, 25), new(new Stratum(Holzminden, "10-49", "B–F"), 15)]);
        Stratum[] sample = [MicroTrade, MicroTrade, MicroTrade, MicroBuilding, SmallTrade, SmallTrade, new(Holzminden, "10-49", "B–F"), new(Holzminden, "10-49", "B–F")];

        var result = SampleWeighting.Compute(sample, population);

        result.Method.ShouldBe(WeightingMethod.Raking);
        result.Weights.Sum().ShouldBe(100, 1e-6);
        result.RakingIterations.ShouldBeGreaterThan(0);
        result.CappedWeights.ShouldBe(0);
        result.DesignEffect.ShouldBeGreaterThan(1);
    }

    [Fact]
    public void No_respondents_give_an_empty_weighting_and_no_data_estimates()
    {
        var result = SampleWeighting.Compute([], PopulationMargins.FromStrata([new(MicroTrade, 90)]));

        result.Method.ShouldBe(WeightingMethod.None);
        result.EffectiveN.ShouldBe(0);
        ShareEstimator.EstimateWeighted(WeightedShareInput.Accumulate([])).HasData.ShouldBeFalse();
    }
}
