using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;
using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Data.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.IntegrationTests.Reports;

/// <summary>
/// A small, fixed set of completed interviews of the MehrWert network, stored as the interview screens store them
/// (answers validated and normalised by the questionnaire engine, calculated values included): 40 employers and 24
/// employees in Holzminden in the 3rd quarter 2026, 12 employers in Hameln-Pyrmont, 2 in Schaumburg (too few to show),
/// and 30 employers in Holzminden a year earlier for the trend.
/// </summary>
internal static class ReportDataset
{
    public static readonly DateOnly Q3Day = new(2026, 8, 12);
    public static readonly DateOnly PreviousYearDay = new(2025, 8, 12);

    private static readonly string[] Topics = ["digital_grundlagen", "it_sicherheit", "ki", "fuehrung", "kommunikation", "fachlich"];
    private static readonly string[] Urgencies = ["jetzt", "j1_2", "j3_5"];
    private static readonly string[] Barriers = ["zeit", "kosten", "kein_angebot", "unbekannt"];
    private static readonly string[] Formats = ["inhouse", "live_online", "coaching", "verbund"];
    private static readonly string[] Groups = [RespondentGroup.OlderEmployees, RespondentGroup.YoungerEmployees, RespondentGroup.Apprentices, RespondentGroup.ImmigrationHistory];

    /// <summary>Employer interviews in Holzminden in the quarter, and how many of them said "ja" to b_gefoerdert.</summary>
    public const int HolzmindenEmployers = 40;
    public const int HolzmindenSupported = 17;

    public static async Task SeedAsync(BedarfsanalyseDb db, int networkId = 1)
    {
        var versions = await db.QuestionnaireVersions.AsNoTracking()
            .Where(v => v.Status == Data.Questionnaires.QuestionnaireVersion.Published)
            .Select(v => new { v.Id, v.Questionnaire!.Key })
            .ToListAsync();
        var employerVersion = versions.Single(v => v.Key == NetworkQuestionnaires.EmployerKey).Id;
        var employeeVersion = versions.Single(v => v.Key == NetworkQuestionnaires.EmployeeKey).Id;
        var employer = CompiledQuestionnaire.Compile(NetworkQuestionnaires.Employer);
        var employee = CompiledQuestionnaire.Compile(NetworkQuestionnaires.Employee);

        for (var i = 0; i < HolzmindenEmployers; i++)
        {
            db.Interviews.Add(Interview(networkId, employerVersion, RespondentGroup.Establishment, "03255", Q3Day, Answers(employer, EmployerAnswers("03255", i, supported: i < HolzmindenSupported))));
        }

        for (var i = 0; i < 12; i++)
        {
            db.Interviews.Add(Interview(networkId, employerVersion, RespondentGroup.Establishment, "03252", Q3Day, Answers(employer, EmployerAnswers("03252", i, supported: i % 2 == 0))));
        }

        for (var i = 0; i < 2; i++)
        {
            db.Interviews.Add(Interview(networkId, employerVersion, RespondentGroup.Establishment, "03257", Q3Day, Answers(employer, EmployerAnswers("03257", i, supported: true))));
        }

        for (var i = 0; i < 30; i++)
        {
            db.Interviews.Add(Interview(networkId, employerVersion, RespondentGroup.Establishment, "03255", PreviousYearDay, Answers(employer, EmployerAnswers("03255", i, supported: i < 10))));
        }

        for (var i = 0; i < 24; i++)
        {
            var group = Groups[i % Groups.Length];
            db.Interviews.Add(Interview(networkId, employeeVersion, group, "03255", Q3Day, Answers(employee, EmployeeAnswers("03255", group, i))));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Holzminden's hard-to-fill vacancies in the quarter (ten establishments with 1, 2 or 3).</summary>
    public const int HolzmindenVacancies = 19;

    private static Dictionary<string, AnswerValue> EmployerAnswers(string district, int i, bool supported)
    {
        var topics = Topics.Where((_, t) => (i + t) % 3 != 0).ToArray();
        var answers = new Dictionary<string, AnswerValue>
        {
            ["a_kreis"] = AnswerValue.Choice(district),
            ["a_wz"] = AnswerValue.Choice(new[] { "C", "F", "G", "Q", "M" }[i % 5]),
            ["a_kammer"] = AnswerValue.Choice("ihk"),
            ["a_beschaeftigte"] = AnswerValue.Number(5 + i * 7 % 120),
            ["a_azubis"] = AnswerValue.Number(i % 3),
            ["a_unter25"] = AnswerValue.Number(i % 4),
            ["a_ab55"] = AnswerValue.Number(i % 5),
            ["b_gefoerdert"] = AnswerValue.Choice(supported ? "ja" : "nein"),
            ["b_bildet_aus"] = AnswerValue.Choice(i % 3 == 0 ? "ja" : "nein"),
            ["c_bedarf"] = AnswerValue.Choice("ja"),
            ["c_themen"] = AnswerValue.Choice(topics),
            ["c_dringlichkeit"] = AnswerValue.Matrix(topics.Select(t => (t, Urgencies[(i / 3 + Array.IndexOf(Topics, t)) % 3])).ToArray()),
            ["d_hemmnisse"] = AnswerValue.Choice(Barriers.Where((_, b) => (i + b) % 2 == 0).ToArray()),
            ["e_formate"] = AnswerValue.Choice(Formats.Where((_, f) => (i + f) % 3 != 1).ToArray()),
            ["f_offene_stellen"] = AnswerValue.Choice(i % 4 == 0 ? "ja" : "nein"),
        };
        if (i % 4 == 0)
        {
            answers["f_anzahl_stellen"] = AnswerValue.Number(1 + i % 3);
        }

        if (i % 3 == 0)
        {
            answers["b_vertraege_neu"] = AnswerValue.Number(1 + i % 2);
            answers["b_plaetze_unbesetzt"] = AnswerValue.Number(i % 4 == 0 ? 1 : 0);
            answers["b_vertraege_geloest"] = AnswerValue.Number(i % 6 == 0 ? 1 : 0);
        }

        return answers;
    }

    private static Dictionary<string, AnswerValue> EmployeeAnswers(string district, string group, int i) => new()
    {
        ["p_gruppe"] = AnswerValue.Choice(group),
        ["p_kreis"] = AnswerValue.Choice(district),
        ["w_teilgenommen"] = AnswerValue.Choice(i % 2 == 0 ? "ja" : "nein"),
        ["b_bedarf"] = AnswerValue.Choice("ja"),
        ["b_themen"] = AnswerValue.Choice(Topics.Where((_, t) => (i + t) % 2 == 0).ToArray()),
        ["h_hemmnisse"] = AnswerValue.Choice("zeit"),
    };

    private static IReadOnlyList<AnswerRow> Answers(CompiledQuestionnaire questionnaire, Dictionary<string, AnswerValue> answers)
    {
        var result = questionnaire.Validate(answers, ValidationMode.Draft, Q3Day);
        if (!result.IsValid)
        {
            throw new InvalidOperationException("Testdaten ungültig: " + string.Join("; ", result.Errors.Select(e => $"{e.Question}: {e.Message}")));
        }

        return AnswerRowMapping.ToRows(result.Answers);
    }

    private static Interview Interview(int networkId, int versionId, string group, string district, DateOnly day, IReadOnlyList<AnswerRow> rows)
    {
        var completed = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var interview = new Interview
        {
            Id = Guid.CreateVersion7(),
            NetworkId = networkId,
            QuestionnaireVersionId = versionId,
            RespondentGroupCode = group,
            DistrictKey = district,
            ConductedOn = day,
            Status = Data.Interviews.Interview.Completed,
            CreatedAt = completed,
            UpdatedAt = completed,
            CompletedAt = completed,
            ConsentGiven = true,
            ConsentGivenAt = completed,
            ConsentTextVersion = "2026-1",
        };
        foreach (var row in rows)
        {
            interview.Answers.Add(new Answer
            {
                InterviewId = interview.Id, Question = row.Question, Item = row.Item, Position = row.Position,
                Code = row.Code, Number = row.Number, Text = row.Text, Date = row.Date,
            });
        }

        return interview;
    }
}
