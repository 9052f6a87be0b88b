using Bedarfsanalyse.Core.Analysis;
using Bedarfsanalyse.Core.Disclosure;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Core.Statistics;
using Bedarfsanalyse.Core.Weighting;

namespace Bedarfsanalyse.Tests.Analysis;

/// <summary>
/// The analysis engine on small datasets counted by hand. Expected intervals were computed apart from this code base
/// (Wilson and Newcombe's method 10 by their formulas), suppressions by following the rules cell by cell.
/// </summary>
public sealed class AnalysisModelTests
{
    private const string Holzminden = "03255";
    private const string Hameln = "03252";
    private const string Schaumburg = "03257";
    private const string Employer = NetworkQuestionnaires.EmployerKey;
    private static readonly Quarter Q3 = new(2026, 3);
    private static readonly AnalysisPeriod Now = AnalysisPeriod.Of(Q3);

    [Fact]
    public void Shares_carry_n_interval_and_symbols_and_weiss_nicht_is_counted_apart()
    {
        var model = Model(Dataset());
        var figures = model.Choice(Employer, "b_gefoerdert", Now);
        var ja = figures.Item.OptionIndex("ja");

        var holzminden = figures.District(model.DistrictIndex(Holzminden), ja);
        holzminden.Estimate.UnweightedN.ShouldBe(40);
        holzminden.Estimate.UnweightedCount.ShouldBe(17);
        Text(holzminden).ShouldBe("42,5 %");
        GermanFigureFormat.PercentInterval(holzminden.Estimate.Interval!.Value).ShouldBe("28,5–57,8 %");
        holzminden.Estimate.Method.ShouldBe(IntervalMethod.Wilson);

        var network = figures.Network(ja);
        (network.Estimate.UnweightedCount, network.Estimate.UnweightedN).ShouldBe((25, 54));
        Text(network).ShouldBe("46,3 %");
        GermanFigureFormat.PercentInterval(network.Estimate.Interval!.Value).ShouldBe("33,7–59,4 %");

        // "weiß nicht" is an answer, but not in any base.
        figures.Item.Options.Select(o => o.Code).ShouldBe(["ja", "nein"]);
        figures.NetworkNonSubstantive.Value.ShouldBe(3m);
    }

    [Fact]
    public void A_district_with_two_interviews_is_secret_and_a_second_district_is_hidden_so_that_the_network_does_not_give_it_away()
    {
        var model = Model(Dataset());
        var figures = model.Choice(Employer, "b_gefoerdert", Now);
        int ja = figures.Item.OptionIndex("ja"), nein = figures.Item.OptionIndex("nein");

        var schaumburg = figures.District(model.DistrictIndex(Schaumburg), ja);
        schaumburg.Status.Reason.ShouldBe(SuppressionReason.TooFewCases);
        Text(schaumburg).ShouldBe(".");
        schaumburg.Estimate.Point.ShouldBeNull("Ein gesperrter Wert verlässt das Modell nicht.");
        schaumburg.Estimate.UnweightedN.ShouldBe(2);

        // Network 25 − Holzminden 17 − Hameln 6 would give Schaumburg's 2: Hameln (the cheapest) is hidden too.
        var hameln = model.DistrictIndex(Hameln);
        figures.District(hameln, ja).Status.Reason.ShouldBe(SuppressionReason.Secondary);
        figures.District(hameln, nein).Status.Reason.ShouldBe(SuppressionReason.Secondary);
        Text(figures.District(model.DistrictIndex(Holzminden), ja)).ShouldBe("42,5 %");
        Text(figures.Network(ja)).ShouldBe("46,3 %");
    }

    [Fact]
    public void A_multiple_choice_count_that_its_base_and_the_network_pin_down_gets_a_complement()
    {
        var model = Model(Dataset());
        var figures = model.Choice(Employer, "c_themen", Now);
        int holzminden = model.DistrictIndex(Holzminden), hameln = model.DistrictIndex(Hameln);
        int digital = figures.Item.OptionIndex("digital_grundlagen"), fachlich = figures.Item.OptionIndex("fachlich"), ki = figures.Item.OptionIndex("ki");

        // Fachliches: Hameln's 1 is secret; it and Schaumburg's hidden 0 (n = 2) share the network's 11 − 10, so a reader
        // cannot tell 1 + 0 from 0 + 1. Nothing more is hidden.
        Text(figures.District(hameln, fachlich)).ShouldBe(".");
        Text(figures.District(holzminden, fachlich)).ShouldBe("25,0 %");
        Text(figures.Network(fachlich)).ShouldBe("20,4 %");

        // Digitale Grundlagen: Schaumburg's hidden 2 is 37 − 30 − 5, so Hameln's 5 (the cheaper) is hidden.
        Text(figures.District(holzminden, digital)).ShouldBe("75,0 %");
        figures.District(hameln, digital).Status.Reason.ShouldBe(SuppressionReason.Secondary);

        // KI: 2 in Holzminden and 2 in the network, each hidden, each protecting the other.
        Text(figures.District(holzminden, ki)).ShouldBe(".");
        Text(figures.Network(ki)).ShouldBe(".");

        // A cross tabulation whose total (the network's count) is hidden would share that unknown: it is withheld.
        Enumerable.Range(0, model.SizeClasses.Count).ShouldAllBe(s => figures.BySize(s, ki).Status.IsSecret);
        Text(figures.BySize(model.SizeClasses.Select(o => o.Code).ToList().IndexOf("1-9"), digital)).ShouldBe("50,0 %", "17 der 34 Betriebe mit 1–9 Beschäftigten");
    }

    [Fact]
    public void The_change_to_the_same_quarter_a_year_ago_has_newcombes_interval_and_is_not_secured_when_it_contains_zero()
    {
        var model = Model(Dataset());
        var ja = model.Describe(Employer, "b_gefoerdert").OptionIndex("ja");
        var holzminden = model.DistrictIndex(Holzminden);
        var now = model.Choice(Employer, "b_gefoerdert", Now).District(holzminden, ja);
        var yearAgo = model.Choice(Employer, "b_gefoerdert", AnalysisPeriod.Of(Q3.SameQuarterPreviousYear())).District(holzminden, ja);

        var change = model.Change(now, yearAgo)!;

        Text(yearAgo).ShouldBe("33,3 %");
        GermanFigureFormat.PercentagePoints(change.Point!.Value).ShouldBe("+9,2 Prozentpunkte");
        GermanFigureFormat.PercentagePointInterval(change.Interval!.Value).ShouldBe("−13,5 bis +30,0 Prozentpunkte");
        change.IsStatisticallySecured.ShouldBeFalse();
        model.Change(now, model.Choice(Employer, "b_gefoerdert", Now).District(model.DistrictIndex(Schaumburg), ja)).ShouldBeNull();
    }

    [Fact]
    public void A_rolling_value_is_hidden_when_a_quarter_in_it_holds_a_secret_count()
    {
        var data = Dataset();
        // Hameln in the 2nd quarter: 1 of 11 said "ja" (secret); the rolling four quarters hold 7 of 23.
        data.Add(Q3.Previous(), Interviews(Hameln, "1-9", "B-F", 11), YesNo(Hameln, "1-9", "B-F", ja: 1, nein: 10));
        var model = Model(data);
        var ja = model.Describe(Employer, "b_gefoerdert").OptionIndex("ja");
        var hameln = model.DistrictIndex(Hameln);

        model.Choice(Employer, "b_gefoerdert", AnalysisPeriod.Of(Q3.Previous())).District(hameln, ja).Status.Reason.ShouldBe(SuppressionReason.TooFewCases);
        var rolling = model.Choice(Employer, "b_gefoerdert", AnalysisPeriod.Rolling(Q3)).District(hameln, ja);

        rolling.Estimate.UnweightedN.ShouldBe(23);
        Text(rolling).ShouldBe(".");
        rolling.Estimate.Point.ShouldBeNull();
    }

    [Fact]
    public void Weighted_shares_use_design_weights_and_keep_the_unweighted_n_beside_the_effective_n()
    {
        var data = Dataset();
        var margins = PopulationMargins.FromStrata(
        [
            new PopulationCell(new Stratum(Holzminden, "10-49", "B-F"), 200),
            new PopulationCell(new Stratum(Holzminden, "1-9", "G-I"), 400),
            new PopulationCell(new Stratum(Hameln, "1-9", "B-F"), 120),
            new PopulationCell(new Stratum(Schaumburg, "1-9", "B-F"), 50),
        ]);
        var model = Model(data, margins);
        var figure = model.Choice(Employer, "b_gefoerdert", Now).District(model.DistrictIndex(Holzminden), model.Describe(Employer, "b_gefoerdert").OptionIndex("ja"));

        // w = 200/23 for the 23 interviews of 10–49 / B-F (3 said "weiß nicht"), 400/20 for 1–9 / G-I:
        // (10 w₁ + 7 w₂) / (20 w₁ + 20 w₂) = 39,5 %, Kish's n = (Σw)² / Σw² = 34,6 of 40.
        figure.Estimate.IsWeighted.ShouldBeTrue();
        Text(figure).ShouldBe("39,5 %");
        figure.Estimate.UnweightedN.ShouldBe(40);
        figure.Estimate.EffectiveN.ShouldBe(34.626, 0.001);
        GermanFigureFormat.PercentInterval(figure.Estimate.Interval!.Value).ShouldBe("25,1–56,1 %");
        model.Weights(Now).EstablishmentsWeighted.ShouldBeTrue();
    }

    [Fact]
    public void Means_and_medians_of_numbers_and_their_sums_are_protected_like_counts()
    {
        var model = Model(Dataset());
        var figures = model.Numeric(Employer, "a_beschaeftigte", Now);
        var holzminden = figures.District(model.DistrictIndex(Holzminden));

        holzminden.Mean.Point.ShouldBe(15.0);
        holzminden.Median.Point.ShouldBe(15.0);
        holzminden.Mean.UnweightedN.ShouldBe(40);
        holzminden.Sum!.Value.ShouldBe(600m);

        // Schaumburg's two firms (200 and 3) are secret; the network sum would give them back, so Hameln's goes too.
        figures.District(model.DistrictIndex(Schaumburg)).Status.Reason.ShouldBe(SuppressionReason.TooFewCases);
        figures.District(model.DistrictIndex(Hameln)).Status.Reason.ShouldBe(SuppressionReason.Secondary);
        figures.District(model.DistrictIndex(Hameln)).Mean.Point.ShouldBeNull();
        figures.Network.Sum!.Value.ShouldBe(863m);
    }

    [Fact]
    public void The_field_report_counts_interviews_against_targets_and_protects_the_sector_mix()
    {
        var model = Model(Dataset());
        var holzminden = model.DistrictIndex(Holzminden);
        var schaumburg = model.DistrictIndex(Schaumburg);

        model.Field.Lines(holzminden).Single(l => l.Group == RespondentGroups.Establishment).ShouldBe(new FieldLine(RespondentGroups.Establishment, 43, 50));
        var bf = model.SectorGroups.Select(o => o.Code).ToList().IndexOf("B-F");
        model.Field.SectorMix(schaumburg, bf).Status.IsSecret.ShouldBeTrue("Beide Betriebe in Schaumburg sind aus B-F: das darf niemand ablesen.");
        // Schaumburg's row holds nothing else, so one of its empty cells is hidden with it.
        model.SectorGroups.Select((_, i) => model.Field.SectorMix(schaumburg, i)).Count(c => c.Status.IsSecret).ShouldBeGreaterThan(1);
    }

    [Fact]
    public void Versions_whose_answer_list_changed_are_left_out_and_named()
    {
        var data = Dataset();
        var lists = NetworkQuestionnaires.Employer.ChoiceLists.Select(l => l.Name != "ja_nein_wn" ? l
            : l with { Choices = [.. l.Choices.Where(c => c.Code != "wn"), new Choice("teilweise", LocalizedText.German("teilweise")), .. l.Choices.Where(c => c.Code == "wn")] }).ToList();
        var second = new VersionInfo(3, 2, NetworkQuestionnaires.Employer with { ChoiceLists = [.. lists] });
        data.Add(Q3, Interviews(Holzminden, "10-49", "B-F", 5, version: 3),
            [new AnswerCount(Holzminden, RespondentGroups.Establishment, "10-49", "B-F", 3, "b_gefoerdert", "", "teilweise", null, 5, 5)]);
        var model = Model(data, versions: [Version1, second, EmployeeVersion]);

        model.ExcludedVersions(Employer, "b_gefoerdert").ShouldHaveSingleItem().Number.ShouldBe(1);
        var figures = model.Choice(Employer, "b_gefoerdert", Now);
        figures.Item.Options.Select(o => o.Code).ShouldBe(["ja", "nein", "teilweise"]);
        figures.District(model.DistrictIndex(Holzminden), figures.Item.OptionIndex("teilweise")).Estimate.UnweightedN.ShouldBe(5);
        model.ExcludedVersions(Employer, "c_themen").ShouldBeEmpty();
    }

    [Fact]
    public void A_question_that_no_version_has_and_a_quarter_without_data_are_said_plainly()
    {
        var model = Model(Dataset());

        Should.Throw<AnalysisException>(() => model.Choice(Employer, "gibt_es_nicht", Now)).Message
            .ShouldBe("Die Frage „gibt_es_nicht“ gibt es in keiner Version des Fragebogens „arbeitgeber“.");

        var empty = Model(Dataset(), quarter: new Quarter(2027, 1));
        empty.HasData.ShouldBeFalse();
        var figure = empty.Choice(Employer, "b_gefoerdert", AnalysisPeriod.Of(new Quarter(2027, 1))).Network(0);
        figure.Estimate.Point.ShouldBeNull();
        Text(figure).ShouldBe("–");
    }

    [Fact]
    public void No_combination_of_the_published_district_shares_and_network_figures_gives_a_secret_count_in_random_datasets()
    {
        var random = new Random(3122026);
        var districts = new[] { Holzminden, Hameln, Schaumburg };
        var options = new[] { "ja", "nein" };
        var checkedTables = 0;
        for (var t = 0; t < 150; t++)
        {
            // Small districts with few "ja" or few "nein": the tables that need complementary suppression.
            var counts = new int[3, 2];
            for (var d = 0; d < 3; d++)
            {
                var n = random.Next(0, 4) switch { 0 => random.Next(1, 3), 1 => random.Next(3, 10), _ => random.Next(10, 16) };
                counts[d, 0] = random.NextDouble() < 0.5 ? random.Next(0, 3) : random.Next(0, n + 1);
                counts[d, 0] = Math.Min(counts[d, 0], n);
                counts[d, 1] = n - counts[d, 0];
            }

            var data = new Counts();
            data.Add(Q3,
                districts.Select((d, i) => new InterviewCount(d, RespondentGroups.Establishment, "1-9", "B-F", 1, counts[i, 0] + counts[i, 1])),
                districts.SelectMany((d, i) => YesNo(d, "1-9", "B-F", ja: counts[i, 0], nein: counts[i, 1])));
            var figures = Model(data).Choice(Employer, "b_gefoerdert", Now);
            if (figures.Withheld)
            {
                continue;
            }

            checkedTables++;
            var known = new bool[3, 2];
            var networkKnown = new bool[2];
            for (var k = 0; k < 2; k++)
            {
                networkKnown[k] = Known(figures.Network(figures.Item.OptionIndex(options[k])));
                for (var d = 0; d < 3; d++)
                {
                    known[d, k] = Known(figures.District(d, figures.Item.OptionIndex(options[k])));
                }
            }

            var ranges = Completions(counts, known, networkKnown);
            for (var d = 0; d < 3; d++)
            {
                for (var k = 0; k < 2; k++)
                {
                    var figure = figures.District(d, figures.Item.OptionIndex(options[k]));
                    if (figure.Status.Reason == SuppressionReason.TooFewCases)
                    {
                        ranges[(d, k)].Min.ShouldBeLessThan(ranges[(d, k)].Max, $"Datensatz {t}: {string.Join(" ", counts.Cast<int>())}, Kreis {d}, Antwort {options[k]}");
                    }
                }
            }
        }

        checkedTables.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void An_interview_edited_after_its_quarter_closed_marks_its_districts_figures_and_the_networks_revised_and_no_other_district()
    {
        // Q3/2026 closed at the end of 30.10.2026; a Holzminden interview was edited on 2.11., Hameln's last in August.
        var data = Dataset();
        data.Changed(Q3, Holzminden, Berlin(2026, 11, 2, 9, 15));
        data.Changed(Q3, Hameln, Berlin(2026, 8, 12, 10, 0));
        var model = Model(data);
        var figures = model.Choice(Employer, "b_gefoerdert", Now);
        var ja = figures.Item.OptionIndex("ja");

        Marked(figures.District(model.DistrictIndex(Holzminden), ja)).ShouldBe("42,5 % r");
        Marked(figures.District(model.DistrictIndex(Hameln), ja)).ShouldBe(".", "gesperrt, und ohne Änderung nach dem Abschluss endgültig");
        figures.District(model.DistrictIndex(Hameln), ja).Revision.ShouldBe(FigureRevision.Final);
        figures.District(model.DistrictIndex(Schaumburg), ja).Revision.ShouldBe(FigureRevision.Final);
        Marked(figures.Network(ja)).ShouldBe("46,3 % r");
        figures.BySize(model.SizeClasses.Select(o => o.Code).ToList().IndexOf("1-9"), ja).Revision.ShouldBe(FigureRevision.Revised, "Größenklassen sind Zahlen des Verbunds");

        var themen = model.Choice(Employer, "c_themen", Now);
        themen.District(model.DistrictIndex(Holzminden), themen.Item.OptionIndex("digital_grundlagen")).Revision.ShouldBe(FigureRevision.Revised);
        themen.District(model.DistrictIndex(Hameln), themen.Item.OptionIndex("kommunikation")).Revision.ShouldBe(FigureRevision.Final);

        var employees = model.Numeric(Employer, "a_beschaeftigte", Now);
        employees.District(model.DistrictIndex(Holzminden)).Revision.ShouldBe(FigureRevision.Revised);
        employees.District(model.DistrictIndex(Hameln)).Revision.ShouldBe(FigureRevision.Final);
        employees.Network.Revision.ShouldBe(FigureRevision.Revised);

        // A year earlier nothing changed after its close.
        model.Choice(Employer, "b_gefoerdert", AnalysisPeriod.Of(Q3.SameQuarterPreviousYear())).District(model.DistrictIndex(Holzminden), ja).Revision.ShouldBe(FigureRevision.Final);
    }

    [Fact]
    public void A_rolling_value_is_revised_when_any_of_its_four_quarters_changed_after_closing()
    {
        // Hameln's interview of Q2/2026 (closed at the end of 30.07.2026) was completed late, on 3.9.
        var data = Dataset();
        data.Add(Q3.Previous(), Interviews(Hameln, "1-9", "B-F", 11), YesNo(Hameln, "1-9", "B-F", ja: 5, nein: 6));
        data.Changed(Q3.Previous(), Hameln, Berlin(2026, 9, 3, 16, 40));
        var model = Model(data);
        var ja = model.Describe(Employer, "b_gefoerdert").OptionIndex("ja");
        int hameln = model.DistrictIndex(Hameln), holzminden = model.DistrictIndex(Holzminden);

        var rolling = model.Choice(Employer, "b_gefoerdert", AnalysisPeriod.Rolling(Q3));
        rolling.District(hameln, ja).Revision.ShouldBe(FigureRevision.Revised);
        rolling.Network(ja).Revision.ShouldBe(FigureRevision.Revised);
        rolling.District(holzminden, ja).Revision.ShouldBe(FigureRevision.Final);
        model.Choice(Employer, "b_gefoerdert", Now).District(hameln, ja).Revision.ShouldBe(FigureRevision.Final, "Q3 selbst wurde nicht geändert");
        model.Choice(Employer, "b_gefoerdert", AnalysisPeriod.Rolling(Q3.SameQuarterPreviousYear())).Network(ja).Revision.ShouldBe(FigureRevision.Final);
    }

    [Fact]
    public void The_report_quarter_within_its_provisional_days_stays_provisional_though_changed_while_a_closed_quarter_changed_since_is_revised()
    {
        // "Stand" 20.10.2026: Q3 is open until the end of 30.10.; Q2 closed at the end of 30.07. and was changed on 1.9.
        var data = Dataset();
        data.Changed(Q3, Holzminden, Berlin(2026, 10, 15, 11, 0));
        data.Add(Q3.Previous(), Interviews(Holzminden, "1-9", "G-I", 30), YesNo(Holzminden, "1-9", "G-I", ja: 15, nein: 15));
        data.Changed(Q3.Previous(), Holzminden, Berlin(2026, 9, 1, 8, 0));
        var model = Model(data, asOf: new DateOnly(2026, 10, 20));
        var ja = model.Describe(Employer, "b_gefoerdert").OptionIndex("ja");
        var holzminden = model.DistrictIndex(Holzminden);

        model.IsProvisional.ShouldBeTrue();
        var now = model.Choice(Employer, "b_gefoerdert", Now);
        Marked(now.District(holzminden, ja)).ShouldBe("42,5 % p");
        now.District(model.DistrictIndex(Hameln), ja).Revision.ShouldBe(FigureRevision.Provisional);
        now.Network(ja).Revision.ShouldBe(FigureRevision.Provisional);
        model.Choice(Employer, "b_gefoerdert", AnalysisPeriod.Rolling(Q3)).District(holzminden, ja).Revision.ShouldBe(FigureRevision.Provisional);
        model.Numeric(Employer, "a_beschaeftigte", Now).District(holzminden).Revision.ShouldBe(FigureRevision.Provisional);

        var previous = model.Choice(Employer, "b_gefoerdert", AnalysisPeriod.Of(Q3.Previous()));
        Marked(previous.District(holzminden, ja)).ShouldBe("50,0 % r");
        previous.District(model.DistrictIndex(Hameln), ja).Revision.ShouldBe(FigureRevision.Final);
    }

    [Fact]
    public void A_change_up_to_the_end_of_the_close_day_in_German_time_leaves_the_figures_final()
    {
        var ja = Model(Dataset()).Describe(Employer, "b_gefoerdert").OptionIndex("ja");
        FigureRevision HolzmindenAfterChangeAt(DateTimeOffset changed)
        {
            var data = Dataset();
            data.Changed(Q3, Holzminden, changed);
            var model = Model(data);
            return model.Choice(Employer, "b_gefoerdert", Now).District(model.DistrictIndex(Holzminden), ja).Revision;
        }

        HolzmindenAfterChangeAt(Berlin(2026, 10, 1, 9, 0)).ShouldBe(FigureRevision.Final, "geändert, während das Quartal noch vorläufig war");
        HolzmindenAfterChangeAt(Berlin(2026, 10, 30, 23, 59)).ShouldBe(FigureRevision.Final, "am letzten vorläufigen Tag");
        // 31.10. 00:30 in Berlin is still 30.10. in UTC: the German day counts.
        HolzmindenAfterChangeAt(Berlin(2026, 10, 31, 0, 30)).ShouldBe(FigureRevision.Revised);
    }

    /// <summary>A point in German time, as the data layer gives the latest changes.</summary>
    private static DateTimeOffset Berlin(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin").GetUtcOffset(local));
    }

    private static string Marked(Figure figure) => GermanFigureFormat.WithRevision(Text(figure), figure.Revision);

    private static bool Known(Figure figure) => figure.ShowsValue || figure.Status.Symbol == CellSymbol.Nothing;

    /// <summary>
    /// Every table a reader could take for the true one: the same bases (published n), the same shown counts, the
    /// network's shown counts, nothing negative. Returns each district cell's range.
    /// </summary>
    private static Dictionary<(int, int), (int Min, int Max)> Completions(int[,] counts, bool[,] known, bool[] networkKnown)
    {
        var rows = Enumerable.Range(0, 3).Select(d => counts[d, 0] + counts[d, 1]).ToArray();
        var ranges = new Dictionary<(int, int), (int Min, int Max)>();
        foreach (var a in Options(0))
        {
            foreach (var b in Options(1))
            {
                foreach (var c in Options(2))
                {
                    int[] ja = [a, b, c];
                    var networkJa = ja.Sum();
                    var networkNein = rows.Sum() - networkJa;
                    if ((networkKnown[0] && networkJa != Sum(0)) || (networkKnown[1] && networkNein != Sum(1)))
                    {
                        continue;
                    }

                    for (var d = 0; d < 3; d++)
                    {
                        foreach (var (k, value) in new[] { (0, ja[d]), (1, rows[d] - ja[d]) })
                        {
                            ranges[(d, k)] = ranges.TryGetValue((d, k), out var old) ? (Math.Min(old.Min, value), Math.Max(old.Max, value)) : (value, value);
                        }
                    }
                }
            }
        }

        return ranges;

        int Sum(int k) => Enumerable.Range(0, 3).Sum(d => counts[d, k]);

        // The "ja" values district d may have: its own if shown, else any within its base and the bounds.
        IEnumerable<int> Options(int d) => known[d, 0]
            ? [counts[d, 0]]
            : Enumerable.Range(0, rows[d] + 1).Where(v => !known[d, 1] || rows[d] - v == counts[d, 1]);
    }

    private static string Text(Figure figure) => TableCellText.Share(figure.Estimate, figure.Status);

    private static readonly VersionInfo Version1 = new(1, 1, NetworkQuestionnaires.Employer);
    private static readonly VersionInfo EmployeeVersion = new(2, 1, NetworkQuestionnaires.Employee);

    private static AnalysisModel Model(
        Counts data, PopulationMargins? margins = null, IReadOnlyList<VersionInfo>? versions = null, Quarter? quarter = null, DateOnly? asOf = null) =>
        new(new AnalysisInput
        {
            NetworkKey = "mehrwert",
            NetworkName = "Weiterbildungsverbund MehrWert",
            Districts = [new(Holzminden, "Holzminden"), new(Hameln, "Hameln-Pyrmont"), new(Schaumburg, "Schaumburg")],
            Quarter = quarter ?? Q3,
            AsOf = asOf ?? new DateOnly(2026, 11, 15),
            Counts = data.ToList(),
            Versions = versions ?? [Version1, EmployeeVersion],
            Targets = [new TargetInfo(Holzminden, RespondentGroups.Establishment, 50)],
            CodeLabels =
            [
                .. new[] { "A", "B-F", "G-I", "J-N", "O-U" }.Select((c, i) => new CodeLabel("a_wirtschaftsgruppe", c, c, i)),
                .. new[] { "1-9", "10-49", "50-249", "250+" }.Select((c, i) => new CodeLabel("a_groessenklasse", c, c, i)),
            ],
            EstablishmentMargins = margins,
        });

    /// <summary>
    /// 3rd quarter 2026: Holzminden 43 interviews (20 + 3 "weiß nicht" in 10–49 / B-F, 20 in 1–9 / G-I), Hameln-Pyrmont 12,
    /// Schaumburg 2; a year earlier Holzminden 30 (10 "ja").
    /// </summary>
    private static Counts Dataset()
    {
        var data = new Counts();
        data.Add(Q3,
            [.. Interviews(Holzminden, "10-49", "B-F", 23), .. Interviews(Holzminden, "1-9", "G-I", 20), .. Interviews(Hameln, "1-9", "B-F", 12), .. Interviews(Schaumburg, "1-9", "B-F", 2)],
            [
                .. YesNo(Holzminden, "10-49", "B-F", ja: 10, nein: 10, weissNicht: 3),
                .. YesNo(Holzminden, "1-9", "G-I", ja: 7, nein: 13),
                .. YesNo(Hameln, "1-9", "B-F", ja: 6, nein: 6),
                .. YesNo(Schaumburg, "1-9", "B-F", ja: 2, nein: 0),
                // c_themen (40 / 12 / 2 respondents): First marks each respondent's first listed choice once.
                Answer(Holzminden, "10-49", "B-F", "c_themen", "digital_grundlagen", 20, first: 20),
                Answer(Holzminden, "1-9", "G-I", "c_themen", "digital_grundlagen", 10, first: 10),
                Answer(Holzminden, "1-9", "G-I", "c_themen", "fachlich", 10, first: 10),
                Answer(Holzminden, "10-49", "B-F", "c_themen", "ki", 2, first: 0),
                Answer(Hameln, "1-9", "B-F", "c_themen", "digital_grundlagen", 5, first: 5),
                Answer(Hameln, "1-9", "B-F", "c_themen", "fachlich", 1, first: 1),
                Answer(Hameln, "1-9", "B-F", "c_themen", "kommunikation", 6, first: 6),
                Answer(Schaumburg, "1-9", "B-F", "c_themen", "digital_grundlagen", 2, first: 2),
                // a_beschaeftigte: Holzminden 20 × 25 and 20 × 5, Hameln 12 × 5, Schaumburg 200 and 3.
                Number(Holzminden, "10-49", "B-F", "a_beschaeftigte", 25, 20),
                Number(Holzminden, "1-9", "G-I", "a_beschaeftigte", 5, 20),
                Number(Hameln, "1-9", "B-F", "a_beschaeftigte", 5, 12),
                Number(Schaumburg, "1-9", "B-F", "a_beschaeftigte", 200, 1),
                Number(Schaumburg, "1-9", "B-F", "a_beschaeftigte", 3, 1),
            ]);
        data.Add(Q3.SameQuarterPreviousYear(), Interviews(Holzminden, "10-49", "B-F", 30), YesNo(Holzminden, "10-49", "B-F", ja: 10, nein: 20));
        return data;
    }

    private static IEnumerable<InterviewCount> Interviews(string district, string size, string sector, int n, int version = 1) =>
        [new InterviewCount(district, RespondentGroups.Establishment, size, sector, version, n)];

    private static IEnumerable<AnswerCount> YesNo(string district, string size, string sector, int ja, int nein, int weissNicht = 0) =>
        new[] { ("ja", ja), ("nein", nein), ("wn", weissNicht) }.Where(x => x.Item2 > 0).Select(x => Answer(district, size, sector, "b_gefoerdert", x.Item1, x.Item2, x.Item2));

    private static AnswerCount Answer(string district, string size, string sector, string question, string code, int respondents, int first) =>
        new(district, RespondentGroups.Establishment, size, sector, 1, question, "", code, null, respondents, first);

    private static AnswerCount Number(string district, string size, string sector, string question, decimal value, int respondents) =>
        new(district, RespondentGroups.Establishment, size, sector, 1, question, "", null, value, respondents, respondents);

    private sealed class Counts : List<QuarterCounts>
    {
        public void Add(Quarter quarter, IEnumerable<InterviewCount> interviews, IEnumerable<AnswerCount> answers)
        {
            var existing = this.FirstOrDefault(c => c.Quarter == quarter);
            if (existing is not null)
            {
                Remove(existing);
                Add(new QuarterCounts(quarter, [.. existing.Answers, .. answers], [.. existing.Interviews, .. interviews]) { LastChangeByDistrict = existing.LastChangeByDistrict });
                return;
            }

            Add(new QuarterCounts(quarter, answers.ToList(), interviews.ToList()));
        }

        /// <summary>The latest change of a completed interview of the district in the quarter.</summary>
        public void Changed(Quarter quarter, string district, DateTimeOffset at)
        {
            var existing = this.Single(c => c.Quarter == quarter);
            this[IndexOf(existing)] = existing with { LastChangeByDistrict = new Dictionary<string, DateTimeOffset>(existing.LastChangeByDistrict) { [district] = at } };
        }
    }
}
