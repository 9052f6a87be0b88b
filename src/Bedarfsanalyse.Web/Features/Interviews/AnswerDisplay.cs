using System.Globalization;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Answers;

namespace Bedarfsanalyse.Web.Features.Interviews;

/// <summary>An answer as the interviewer reads it: option labels, German numbers and dates; "–" for no answer.</summary>
public static class AnswerDisplay
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string Text(QuestionnaireDefinition definition, Element question, AnswerValue? answer)
    {
        string Label(string? listName, string code) =>
            code == OtherOption.Code ? "Sonstiges" : (listName is null ? null : definition.FindChoiceList(listName)?.Find(code)?.Label.Default) ?? code;

        return answer switch
        {
            null => "–",
            ChoiceAnswer choice => string.Join("; ", choice.Codes.Select(c => Label((question as ChoiceQuestion)?.ListName, c))),
            MatrixAnswer matrix when question is MatrixQuestion m => string.Join("; ", matrix.Rows.Select(r =>
                $"{Label(m.RowListName, r.Key)}: {string.Join(", ", r.Value.Select(c => Label(m.ScaleListName, c)))}")),
            NumberAnswer number => number.Value.ToString("#,0.##", German),
            DateAnswer date => GermanTime.Date(date.Value),
            TextAnswer text => text.Value,
            var other => other.ToString() ?? "",
        };
    }
}
