using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Core.Questionnaires.Tabular;
using Bedarfsanalyse.Reports.Export;

namespace Bedarfsanalyse.Tests.Export;

/// <summary>The export's fast cell mapping gives exactly the cells of the flat layout over answer values.</summary>
public sealed class AnswerCellMapperTests
{
    [Theory]
    [InlineData(NetworkQuestionnaires.EmployerKey)]
    [InlineData(NetworkQuestionnaires.EmployeeKey)]
    public void Random_answers_give_the_same_cells_as_the_flat_layout(string questionnaire)
    {
        var layout = FlatLayout.For(questionnaire == NetworkQuestionnaires.EmployerKey ? NetworkQuestionnaires.Employer : NetworkQuestionnaires.Employee, 1);
        var mapper = new AnswerCellMapper(layout);
        var random = new Random(9);
        var flags = 0;

        for (var interview = 0; interview < 300; interview++)
        {
            var rows = RandomRows(layout, random);

            var expected = layout.Cells(AnswerRowMapping.FromRows(rows));
            var actual = mapper.Cells(rows);

            actual.Length.ShouldBe(expected.Length);
            for (var i = 0; i < expected.Length; i++)
            {
                actual[i].ShouldBe(expected[i], $"{layout.Columns[i].Name} in interview {interview}");
            }

            flags += expected.Count(c => c is 1);
        }

        flags.ShouldBeGreaterThan(100);
    }

    /// <summary>Answers for a random part of the questions, in the database's order of question, item and position.</summary>
    private static List<AnswerRow> RandomRows(FlatLayout layout, Random random)
    {
        var rows = new List<AnswerRow>();
        foreach (var question in layout.Columns.GroupBy(c => c.Question))
        {
            if (random.Next(3) == 0)
            {
                continue;
            }

            var columns = question.ToList();
            switch (columns[0].Kind)
            {
                case FlatColumnKind.Flag or FlatColumnKind.Rank:
                    foreach (var item in columns.GroupBy(c => c.Item))
                    {
                        var chosen = item.Where(_ => random.Next(2) == 0).OrderBy(_ => random.Next()).ToList();
                        if (chosen.Count == 0 && item.Key.Length == 0)
                        {
                            chosen.Add(item.First());
                        }

                        rows.AddRange(chosen.Select((c, p) => AnswerRow.ForCode(question.Key, item.Key, (short)p, c.Option!)));
                    }

                    break;
                case FlatColumnKind.Code:
                    foreach (var column in columns.Where(c => c.Kind == FlatColumnKind.Code && random.Next(4) != 0))
                    {
                        var code = column.ValueLabels[random.Next(column.ValueLabels.Count)].Code;
                        rows.Add(AnswerRow.ForCode(question.Key, column.Item, 0, code));
                    }

                    break;
                case FlatColumnKind.Number:
                    rows.Add(new AnswerRow(question.Key, "", 0, null, random.Next(1000) / 4m, null, null));
                    break;
                case FlatColumnKind.Date:
                    rows.Add(new AnswerRow(question.Key, "", 0, null, null, null, new DateOnly(2026, 1, 1).AddDays(random.Next(365))));
                    break;
                default:
                    rows.Add(new AnswerRow(question.Key, "", 0, null, null, "Antwort " + random.Next(100), null));
                    break;
            }
        }

        return [.. rows.OrderBy(r => r.Question, StringComparer.Ordinal).ThenBy(r => r.Item, StringComparer.Ordinal).ThenBy(r => r.Position)];
    }
}
