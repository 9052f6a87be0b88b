using System.Text.Json.Nodes;
using Bedarfsanalyse.Core.Analysis;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;
using Bedarfsanalyse.Core.Questionnaires.Json;
using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Data.Networks;
using Bedarfsanalyse.Data.Questionnaires;
using Bedarfsanalyse.IntegrationTests.Reports;
using Bedarfsanalyse.Reports.Export;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Features.Analysis;
using Bedarfsanalyse.Web.Features.Exports;
using Bedarfsanalyse.Web.Features.Questionnaires;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bedarfsanalyse.IntegrationTests.Exports;

/// <summary>The data sheets across two questionnaire versions, and the weight of every interview.</summary>
public sealed class WorkbookVersionsAndWeightsTests(TestDatabase database) : AppTest(database)
{
    private static readonly Quarter Q3 = new(2026, 3);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NetworkQuestionnaireSetup>().EnsurePublishedAsync(CancellationToken.None);
        }

        await using var db = CreateDb();
        await ReportDataset.SeedAsync(db);
    }

    private async Task<(PlannedExport Planned, XLWorkbook Workbook)> ExportAsync(Quarter first, Quarter last)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var planned = await scope.ServiceProvider.GetRequiredService<NetworkExport>().PlanAsync(Network, first, last, null, CancellationToken.None);
        var output = new MemoryStream();
        await AnalystWorkbookWriter.WriteAsync(planned.Workbook, output);
        output.Position = 0;
        return (planned, new XLWorkbook(output));
    }

    private static List<Dictionary<string, IXLCell>> Rows(IXLWorksheet sheet)
    {
        var headers = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        return sheet.RowsUsed().Skip(1).Select(r => headers.Select((h, i) => (h, c: r.Cell(i + 1))).ToDictionary(x => x.h, x => x.c)).ToList();
    }

    [Fact]
    public async Task Interviews_of_two_questionnaire_versions_line_up_by_variable_and_what_a_version_lacks_stays_blank()
    {
        // Version 2 of the employer questionnaire: without a_betriebsform, with a new format option and a new question.
        var json = JsonNode.Parse(QuestionnaireJson.Serialize(NetworkQuestionnaires.Employer))!;
        var elements = Named(json, "elements").ToList();
        var form = elements.SelectMany(e => e.AsArray()).First(q => (string?)q!["name"] == "a_betriebsform")!;
        form.Parent!.AsArray().Remove(form);
        var remarks = elements.SelectMany(e => e.AsArray()).First(q => (string?)q!["name"] == "f_anmerkungen")!;
        var remarkList = remarks.Parent!.AsArray();
        remarkList.Insert(remarkList.IndexOf(remarks), new JsonObject { ["type"] = "integer", ["name"] = "f_plattform_nutzer", ["label"] = "Wie viele Beschäftigte nutzen eine Lernplattform?", ["min"] = 0 });
        json["choice_lists"]!.AsArray().First(l => (string?)l!["name"] == "lernformate")!["choices"]!.AsArray()
            .Add(new JsonObject { ["code"] = "lernplattform", ["label"] = "Lernplattform des Verbunds" });
        var version2 = QuestionnaireJson.Deserialize(json.ToJsonString());
        var compiled = CompiledQuestionnaire.Compile(version2);

        List<Guid> newInterviews;
        await using (var db = CreateDb())
        {
            var questionnaire = await db.Questionnaires.SingleAsync(q => q.Key == NetworkQuestionnaires.EmployerKey);
            var stored = new QuestionnaireVersion
            {
                QuestionnaireId = questionnaire.Id, Number = 2, Status = QuestionnaireVersion.Published, Definition = QuestionnaireJson.Serialize(version2),
                CreatedAt = DateTimeOffset.UtcNow, PublishedAt = DateTimeOffset.UtcNow,
            };
            db.QuestionnaireVersions.Add(stored);
            await db.SaveChangesAsync();
            newInterviews = [];
            for (var i = 0; i < 3; i++)
            {
                var answers = new Dictionary<string, AnswerValue>
                {
                    ["a_kreis"] = AnswerValue.Choice(Holzminden), ["a_wz"] = AnswerValue.Choice("G"), ["a_kammer"] = AnswerValue.Choice("ihk"),
                    ["a_beschaeftigte"] = AnswerValue.Number(12 + i), ["a_azubis"] = AnswerValue.Number(1), ["a_unter25"] = AnswerValue.Number(1), ["a_ab55"] = AnswerValue.Number(2),
                    ["b_gefoerdert"] = AnswerValue.Choice(i == 0 ? "ja" : "nein"), ["b_bildet_aus"] = AnswerValue.Choice("nein"), ["c_bedarf"] = AnswerValue.Choice("ja"),
                    ["c_themen"] = AnswerValue.Choice("ki"), ["e_formate"] = AnswerValue.Choice(i == 0 ? ["lernplattform", "inhouse"] : ["inhouse"]),
                    ["f_plattform_nutzer"] = AnswerValue.Number(5 + i), ["f_offene_stellen"] = AnswerValue.Choice("nein"),
                };
                var result = compiled.Validate(answers, ValidationMode.Draft, ReportDataset.Q3Day);
                result.IsValid.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => $"{e.Question}: {e.Message}")));
                var interview = new Interview
                {
                    Id = Guid.CreateVersion7(), NetworkId = 1, QuestionnaireVersionId = stored.Id, RespondentGroupCode = "establishment", DistrictKey = Holzminden,
                    ConductedOn = ReportDataset.Q3Day, Status = Interview.Completed, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                    CompletedAt = DateTimeOffset.UtcNow, ConsentGiven = true, ConsentGivenAt = DateTimeOffset.UtcNow, ConsentTextVersion = "2026-1",
                };
                foreach (var row in AnswerRowMapping.ToRows(result.Answers))
                {
                    interview.Answers.Add(new Answer
                    {
                        InterviewId = interview.Id, Question = row.Question, Item = row.Item, Position = row.Position, Code = row.Code, Number = row.Number, Text = row.Text, Date = row.Date,
                    });
                }

                db.Interviews.Add(interview);
                newInterviews.Add(interview.Id);
            }

            await db.SaveChangesAsync();
        }

        var (_, workbook) = await ExportAsync(Q3, Q3);
        using (workbook)
        {
            var rows = Rows(workbook.Worksheet("Daten arbeitgeber"));
            Dictionary<Guid, string> supported;
            await using (var db = CreateDb())
            {
                supported = await db.Answers.Where(a => a.Question == "b_gefoerdert").ToDictionaryAsync(a => a.InterviewId, a => a.Code!);
            }

            rows.Count.ShouldBe(54 + 3);
            foreach (var row in rows)
            {
                var id = Guid.Parse(row["interview_id"].GetString());
                var version = row["version"].GetDouble();
                row["b_gefoerdert"].GetString().ShouldBe(supported[id], $"{id} (version {version})");
                if (version == 1)
                {
                    row["e_formate_lernplattform"].IsEmpty().ShouldBeTrue($"{id}: version 1 never offered the option");
                    row["f_plattform_nutzer"].IsEmpty().ShouldBeTrue();
                    row["e_formate_inhouse"].IsEmpty().ShouldBeFalse();
                }
                else
                {
                    row["a_betriebsform"].IsEmpty().ShouldBeTrue($"{id}: version 2 has no a_betriebsform");
                    row["e_formate_lernplattform"].GetDouble().ShouldBe(id == newInterviews[0] ? 1 : 0);
                    row["f_plattform_nutzer"].GetDouble().ShouldBe(5 + newInterviews.IndexOf(id));
                    row["e_formate_inhouse"].GetDouble().ShouldBe(1);
                }
            }

            var codebook = workbook.Worksheet(AnalystWorkbookWriter.CodebookSheet).RowsUsed()
                .Where(r => r.Cell(1).GetString().StartsWith("Weiterbildungsbedarf im Betrieb", StringComparison.Ordinal))
                .ToDictionary(r => r.Cell(2).GetString(), r => r.Cell(7).GetString());
            codebook["e_formate_lernplattform"].ShouldBe("2");
            codebook["a_betriebsform"].ShouldBe("1");
            codebook["b_gefoerdert"].ShouldBe("1, 2");
            workbook.Worksheet(AnalystWorkbookWriter.CoverSheet).CellsUsed().ShouldContain(c => c.GetString() == "57 abgeschlossene Interviews, Fragebogenversion 1, 2");
        }
    }

    [Fact]
    public async Task Every_interview_carries_the_engine_s_weight_of_its_quarter_and_stratum_and_the_cover_says_how_it_was_weighted()
    {
        // Margins for exactly the strata interviewed in Q3/2026, ten establishments and fifty employees per interview.
        await using (var db = CreateDb())
        {
            var strata = await db.Interviews.Where(i => i.RespondentGroupCode == "establishment" && i.ConductedOn == ReportDataset.Q3Day)
                .Select(i => new
                {
                    i.DistrictKey,
                    Size = i.Answers.Where(a => a.Question == AnswerCounter.SizeClassQuestion).Select(a => a.Text).Single(),
                    Sector = i.Answers.Where(a => a.Question == AnswerCounter.SectorGroupQuestion).Select(a => a.Text).Single(),
                })
                .ToListAsync();
            foreach (var stratum in strata.GroupBy(s => (s.DistrictKey, s.Size, s.Sector)))
            {
                db.PopulationMargins.Add(new PopulationMargin
                {
                    NetworkId = 1, DistrictKey = stratum.Key.DistrictKey, SizeClassCode = stratum.Key.Size!, SectorGroupCode = stratum.Key.Sector!,
                    Establishments = 10 * stratum.Count(), Employees = 50 * stratum.Count(), Source = "Test", UploadedAt = DateTimeOffset.UtcNow,
                });
            }

            await db.SaveChangesAsync();
        }

        var (_, workbook) = await ExportAsync(new Quarter(2025, 3), Q3);
        AnalysisModel model;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            model = await scope.ServiceProvider.GetRequiredService<AnalysisModels>().ForQuarterAsync(Network, Q3, CancellationToken.None);
        }

        using (workbook)
        {
            var employers = Rows(workbook.Worksheet("Daten arbeitgeber"));
            var employees = Rows(workbook.Worksheet("Daten beschaeftigte"));
            var weights = model.Weights(AnalysisPeriod.Of(Q3));
            weights.EstablishmentsWeighted.ShouldBeTrue(weights.Problem);
            weights.EmployeesWeighted.ShouldBeTrue();

            foreach (var row in employers.Concat(employees))
            {
                var quarter = Quarter.Of(DateOnly.FromDateTime(row["datum"].GetDateTime()));
                var expected = model.Weights(AnalysisPeriod.Of(quarter)).Weight(
                    row["befragtengruppe"].GetString(), row["kreis"].GetString(),
                    row.TryGetValue("a_groessenklasse", out var size) ? size.GetString() : "", row.TryGetValue("a_wirtschaftsgruppe", out var sector) ? sector.GetString() : "");
                row["gewicht"].GetDouble().ShouldBe(expected, 1e-9, row["interview_id"].GetString());
            }

            // Weighted, the quarter's establishments add up to the population: ten per interviewed establishment.
            var q3 = employers.Where(r => r["quartal"].GetString() == "2026-Q3").ToList();
            q3.Sum(r => r["gewicht"].GetDouble()).ShouldBe(10.0 * q3.Count, 0.5);
            q3.Select(r => r["gewicht"].GetDouble()).ShouldAllBe(w => w > 1);
            employees.Sum(r => r["gewicht"].GetDouble()).ShouldBe(50.0 * q3.Count(r => r["kreis"].GetString() == Holzminden), 0.5);

            var cover = workbook.Worksheet(AnalystWorkbookWriter.CoverSheet).RowsUsed().ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(2).GetString());
            cover["Gewichte"].ShouldContain("Q3/2026: Betriebe ");
            cover["Gewichte"].ShouldContain("Beschäftigte je Kreis");
            cover["Kennzahlen"].ShouldContain(", gewichtet");
        }
    }

    /// <summary>The values of every property of that name, however deep.</summary>
    private static IEnumerable<JsonNode> Named(JsonNode node, string name)
    {
        switch (node)
        {
            case JsonObject item:
                foreach (var (key, value) in item)
                {
                    if (value is null)
                    {
                        continue;
                    }

                    if (key == name)
                    {
                        yield return value;
                    }

                    foreach (var inner in Named(value, name))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray list:
                foreach (var value in list.Where(v => v is not null))
                {
                    foreach (var inner in Named(value!, name))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}
