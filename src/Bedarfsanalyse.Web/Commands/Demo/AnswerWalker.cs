using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;

namespace Bedarfsanalyse.Web.Commands.Demo;

/// <summary>
/// Who answers: the facts that steer the built-in structure of the demo data (district, size, quarter, group).
/// </summary>
/// <param name="Chamber">The a_kammer answer the establishment gives (employers only), so register and interview agree.</param>
internal sealed record RespondentProfile(string DistrictKey, int Headcount, int QuarterIndex, string Group, string? SectorLetter, string? Chamber = null);

/// <summary>
/// Answers a questionnaire the way an interviewer would: page by page, only what the engine says is relevant,
/// every required question, most optional ones. The result is re-validated with the engine, so a completed
/// interview is valid by construction; a rare constraint miss is retried with fresh values.
/// </summary>
internal sealed class AnswerWalker(CompiledQuestionnaire questionnaire, DateOnly today)
{
    private static readonly string[] Occupations = ["Kauffrau/Kaufmann für Büromanagement", "Elektroniker/in", "Anlagenmechaniker/in SHK", "Pflegefachfrau/-mann", "Industriemechaniker/in", "Fachkraft für Lagerlogistik", "Kfz-Mechatroniker/in", "Landwirt/in"];
    private static readonly string[] Remarks = ["Mehr Angebote vor Ort wären hilfreich.", "Kurse am Abend passen besser.", "Wir brauchen Unterstützung bei der Digitalisierung.", "Bitte mehr Informationen zu Förderprogrammen."];
    private static readonly HashSet<string> DistanceDistricts = ["03453", "03460"]; // Cloppenburg, Vechta

    public CompiledQuestionnaire Questionnaire => questionnaire;

    /// <summary>A complete, valid set of answers (normalised by the engine) for the profile.</summary>
    public IReadOnlyDictionary<string, AnswerValue> Complete(RespondentProfile profile, Random random)
    {
        for (var attempt = 0; ; attempt++)
        {
            var answers = Walk(profile, random, attempt);
            var result = questionnaire.Validate(answers, ValidationMode.Complete, today);
            if (result.IsValid)
            {
                return result.Answers;
            }

            if (attempt == 20)
            {
                throw new InvalidOperationException($"Demo-Antworten für {questionnaire.Definition.Key} sind ungültig: {string.Join("; ", result.Errors.Select(e => e.Question + ": " + e.Message))}");
            }
        }
    }

    private Dictionary<string, AnswerValue> Walk(RespondentProfile profile, Random random, int attempt)
    {
        var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        for (var pass = 0; pass < 12; pass++)
        {
            var state = questionnaire.Evaluate(answers, today);
            var changed = false;
            foreach (var page in state.RelevantPages)
            {
                changed |= Fill(page.Elements, profile, random, answers, skipped, state, attempt);
            }

            if (!changed)
            {
                break;
            }
        }

        return answers;
    }

    private bool Fill(IReadOnlyList<ElementState> elements, RespondentProfile profile, Random random,
        Dictionary<string, AnswerValue> answers, HashSet<string> skipped, InterviewState state, int attempt)
    {
        var changed = false;
        foreach (var element in elements)
        {
            if (!element.IsRelevant)
            {
                continue;
            }

            if (element.Elements.Count > 0)
            {
                changed |= Fill(element.Elements, profile, random, answers, skipped, state, attempt);
                continue;
            }

            if (!element.IsAnswerable || answers.ContainsKey(element.Name) || skipped.Contains(element.Name))
            {
                continue;
            }

            // A filtered choice list may depend on an answer given in this pass: wait for the next evaluation.
            if (changed && element.Element is ChoiceQuestion { ChoiceFilter: not null } or MatrixQuestion { ChoiceFilter: not null })
            {
                continue;
            }

            // Optional questions are left out now and then, as respondents do.
            if (!element.IsRequired && random.NextDouble() < 0.05)
            {
                skipped.Add(element.Name);
                continue;
            }

            if (Pick(element, profile, random, attempt) is { } value)
            {
                answers[element.Name] = value;
                changed = true;
            }
            else if (!element.IsRequired)
            {
                skipped.Add(element.Name);
            }
        }

        return changed;
    }

    private static AnswerValue? Pick(ElementState element, RespondentProfile profile, Random random, int attempt)
    {
        var name = element.Name;
        var codes = element.Choices.Where(c => c.Code != OtherOption.Code).ToList();
        var substantive = codes.Where(c => !c.NonSubstantive).Select(c => c.Code).ToList();
        switch (name)
        {
            case "a_kreis" or "p_kreis" when codes.Any(c => c.Code == profile.DistrictKey):
                return AnswerValue.Choice(profile.DistrictKey);
            case "a_wz" or "p_wz" when profile.SectorLetter is { } letter && codes.Any(c => c.Code == letter):
                return AnswerValue.Choice(letter);
            case "a_beschaeftigte":
                return AnswerValue.Number(profile.Headcount);
            case "p_gruppe":
                return AnswerValue.Choice(profile.Group);
            case "p_alter":
                return AnswerValue.Choice(profile.Group switch
                {
                    RespondentGroups.OlderEmployees => "ab55",
                    RespondentGroups.YoungerEmployees or RespondentGroups.Apprentices => "unter25",
                    _ => random.NextDouble() < 0.7 ? "25_54" : "unter25",
                });
            case "c_bedarf" or "b_bedarf":
                // Need grows quarter over quarter.
                return AnswerValue.Choice(random.NextDouble() < 0.45 + 0.05 * profile.QuarterIndex ? "ja" : "nein");
            case "c_digitalisierung":
                return AnswerValue.Choice(Scale(random, 0.25 + 0.07 * profile.QuarterIndex));
            case "c_themen" or "b_themen":
                return AnswerValue.Choice([.. Topics(profile, random, substantive)]);
            case "d_hemmnisse" or "h_hemmnisse":
                return AnswerValue.Choice([.. Barriers(profile, random, substantive)]);
            case "d_haupthemmnis" or "h_haupthemmnis":
                return AnswerValue.Choice(MainBarrier(profile, random, substantive));
            case "a_kammer" when profile.Chamber is { } chamber && codes.Any(c => c.Code == chamber):
                return AnswerValue.Choice(chamber);
        }

        switch (element.Element)
        {
            case MultipleChoiceQuestion:
                // Respondents name more of a long list than of a short one: each further option with a fixed chance.
                return substantive.Count == 0 ? null : AnswerValue.Choice([.. Shuffle(random, substantive).Take(HowMany(random, substantive.Count, 0.4))]);
            case RankingQuestion:
                return codes.Count == 0 ? null : AnswerValue.Choice([.. Shuffle(random, codes.Select(c => c.Code).ToList())]);
            case ChoiceQuestion:
                return codes.Count == 0 ? null : AnswerValue.Choice(random.NextDouble() < 0.9 && substantive.Count > 0 ? Any(random, substantive) : codes[random.Next(codes.Count)].Code);
            case MatrixQuestion { MultipleAnswers: true }:
                var options = element.Scale.Where(c => !c.NonSubstantive).Select(c => c.Code).ToList();
                return codes.Count == 0 || options.Count == 0 ? null
                    : new MatrixAnswer(new ValueMap<ValueList<string>>(codes.Select(row => new KeyValuePair<string, ValueList<string>>(row.Code, [.. Several(random, options)]))));
            case MatrixQuestion:
                var scale = element.Scale.Where(c => !c.NonSubstantive).Select(c => c.Code).ToList();
                return codes.Count == 0 || scale.Count == 0 ? null
                    : AnswerValue.Matrix([.. codes.Select(row => (row.Code, scale[random.Next(scale.Count)]))]);
            case IntegerQuestion integer:
                return AnswerValue.Number(Integer(integer, profile, random, attempt));
            case DecimalQuestion number:
                var low = number.Min ?? 0;
                var high = Math.Min(number.Max ?? 50, low + 50);
                return AnswerValue.Number(Math.Round(low + (decimal)random.NextDouble() * (high - low), 1));
            case ShortTextQuestion:
                return AnswerValue.Text(Occupations[random.Next(Occupations.Length)]);
            case LongTextQuestion:
                return random.NextDouble() < 0.3 ? AnswerValue.Text(Remarks[random.Next(Remarks.Length)]) : null;
            case DateQuestion:
                return null;
            default:
                return null;
        }
    }

    private static decimal Integer(IntegerQuestion question, RespondentProfile profile, Random random, int attempt)
    {
        var low = (int)(question.Min ?? 0);
        // Counts of people stay within the establishment (a third each, so sums of groups fit as well).
        var cap = question.Name.StartsWith("a_", StringComparison.Ordinal) || question.Name.StartsWith("b_", StringComparison.Ordinal)
            || question.Name.StartsWith("c_", StringComparison.Ordinal) || question.Name.StartsWith("f_", StringComparison.Ordinal)
            ? Math.Max(low, profile.Headcount / 3)
            : 30;
        // Retries after a constraint miss shrink counts to the minimum, which every count constraint accepts.
        if (attempt > 5)
        {
            cap = low;
        }

        var high = (int)Math.Min(question.Max ?? cap, cap);
        return random.Next(low, Math.Max(low, high) + 1);
    }

    private static string Scale(Random random, double agree)
    {
        var draw = random.NextDouble();
        return draw < agree ? "4" : draw < agree + 0.3 ? "3" : draw < 0.95 ? "2" : "1";
    }

    private static IEnumerable<string> Topics(RespondentProfile profile, Random random, List<string> codes)
    {
        // A needs survey's topic list is long: employers name four to five topics on average, employees about four.
        var picked = Shuffle(random, codes).Take(HowMany(random, codes.Count, profile.Group == RespondentGroups.Establishment ? 0.22 : 0.2)).ToList();
        // Digital topics get likelier every quarter.
        if (codes.Contains("digital_grundlagen") && !picked.Contains("digital_grundlagen") && random.NextDouble() < 0.2 + 0.07 * profile.QuarterIndex)
        {
            picked.Add("digital_grundlagen");
        }

        return picked;
    }

    private static IEnumerable<string> Barriers(RespondentProfile profile, Random random, List<string> codes)
    {
        var picked = Shuffle(random, codes.Where(c => c != "kein_bedarf").ToList()).Take(HowMany(random, codes.Count - 1, 0.15)).ToList();
        if (profile.Headcount < 10 && codes.Contains("kosten") && !picked.Contains("kosten") && random.NextDouble() < 0.7)
        {
            picked.Add("kosten");
        }

        var distance = codes.Contains("entfernung") ? "entfernung" : codes.Contains("mobilitaet") ? "mobilitaet" : null;
        if (distance is not null && DistanceDistricts.Contains(profile.DistrictKey) && !picked.Contains(distance) && random.NextDouble() < 0.6)
        {
            picked.Add(distance);
        }

        return picked.Count == 0 ? [codes[0]] : picked;
    }

    private static string MainBarrier(RespondentProfile profile, Random random, List<string> offered)
    {
        if (profile.Headcount < 10 && offered.Contains("kosten") && random.NextDouble() < 0.6)
        {
            return "kosten";
        }

        if (DistanceDistricts.Contains(profile.DistrictKey) && offered.Contains("entfernung") && random.NextDouble() < 0.5)
        {
            return "entfernung";
        }

        return Any(random, offered);
    }

    private static string Any(Random random, List<string> codes) => codes[random.Next(codes.Count)];

    /// <summary>One, plus each of the other <paramref name="available"/> − 1 options with the given chance.</summary>
    private static int HowMany(Random random, int available, double chance)
    {
        var count = 1;
        for (var i = 1; i < available; i++)
        {
            count += random.NextDouble() < chance ? 1 : 0;
        }

        return Math.Min(count, available);
    }

    /// <summary>Several options of a multiple-answer matrix row; "alle" (everyone) stands alone, as respondents use it.</summary>
    private static List<string> Several(Random random, List<string> options)
    {
        if (options.Contains("alle") && random.NextDouble() < 0.3)
        {
            return ["alle"];
        }

        var specific = options.Where(o => o != "alle").ToList();
        return specific.Count == 0 ? [options[0]] : [.. Shuffle(random, specific).Take(HowMany(random, Math.Min(specific.Count, 4), 0.3))];
    }

    private static List<string> Shuffle(Random random, List<string> codes)
    {
        var copy = codes.ToArray();
        random.Shuffle(copy);
        return [.. copy];
    }
}
