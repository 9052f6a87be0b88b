using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Web.Features.Analysis;

namespace Bedarfsanalyse.Web.Features.Exports;

/// <summary>
/// An establishment interview's own facts: its WZ section (a_wz) and the calculated size class and sector group, read
/// from its answers as the analysis engine reads them (the text of the calculated answer), so that the weight of the
/// data sheet is the weight of the engine's stratum. Null where the interview has no such answer (employee interviews,
/// older versions).
/// </summary>
public readonly record struct InterviewStratum(string? Sector, string? SizeClass, string? SectorGroup)
{
    public const string SectorQuestion = "a_wz";

    public static InterviewStratum Of(IReadOnlyList<AnswerRow> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        string? sector = null, size = null, group = null;
        foreach (var answer in answers)
        {
            if (answer.Item.Length != 0 || answer.Position != 0)
            {
                continue;
            }

            switch (answer.Question)
            {
                case SectorQuestion:
                    sector = answer.Code;
                    break;
                case AnswerCounter.SizeClassQuestion:
                    size = answer.Text;
                    break;
                case AnswerCounter.SectorGroupQuestion:
                    group = answer.Text;
                    break;
            }
        }

        return new InterviewStratum(NullIfEmpty(sector), NullIfEmpty(size), NullIfEmpty(group));
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
