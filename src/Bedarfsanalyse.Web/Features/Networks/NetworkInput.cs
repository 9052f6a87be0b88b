using System.Text.RegularExpressions;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Networks;
using Cronos;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Networks;

/// <summary>A network's settings as the admin enters them.</summary>
public sealed partial record NetworkInput(
    string? Key, string? Name, string? SteeringCommitteeName, string? Topics, string? ReportSchedule,
    int? ContactRetentionMonths, IReadOnlyList<string>? Districts)
{
    public async Task<InputErrors> ValidateAsync(BedarfsanalyseDb db, bool creating, CancellationToken cancellationToken)
    {
        var errors = new InputErrors();
        if (creating && (string.IsNullOrWhiteSpace(Key) || !KeyPattern().IsMatch(Key) || Key == "neu"))
        {
            errors.Add("key", "Der Schlüssel besteht aus Kleinbuchstaben, Ziffern und Bindestrichen, z. B. „mehrwert“.");
        }
        else if (creating && await db.Networks.AnyAsync(n => n.Key == Key, cancellationToken))
        {
            errors.Add("key", $"Den Verbund „{Key}“ gibt es schon.");
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200)
        {
            errors.Add("name", "Bitte geben Sie den Namen des Verbunds an (höchstens 200 Zeichen).");
        }

        if (string.IsNullOrWhiteSpace(SteeringCommitteeName) || SteeringCommitteeName.Length > 100)
        {
            errors.Add("steeringCommitteeName", "Bitte geben Sie an, wie der Verbund sein Steuerungsgremium nennt, z. B. „Steuerkreis“ oder „Lenkungsgruppe“.");
        }

        if (Topics is { Length: > 1000 })
        {
            errors.Add("topics", "Die Themen dürfen höchstens 1.000 Zeichen lang sein.");
        }

        if (!IsValidSchedule(ReportSchedule ?? Network.DefaultReportSchedule))
        {
            errors.Add("reportSchedule", $"„{ReportSchedule}“ ist kein gültiger Zeitplan (Cron-Ausdruck mit fünf Feldern, z. B. „{Network.DefaultReportSchedule}“ = 6 Uhr am ersten Tag jedes Quartals).");
        }

        if (ContactRetentionMonths is < 1 or > 120)
        {
            errors.Add("contactRetentionMonths", "Die Aufbewahrungsfrist liegt zwischen 1 und 120 Monaten.");
        }

        var districts = Districts ?? [];
        if (districts.Count == 0)
        {
            errors.Add("districts", "Ein Verbund umfasst mindestens einen Kreis.");
        }

        var known = await db.Districts.Where(d => districts.Contains(d.Key) && d.ValidUntil == null).Select(d => d.Key).ToListAsync(cancellationToken);
        foreach (var unknown in districts.Except(known))
        {
            errors.Add("districts", $"Den Kreis „{unknown}“ gibt es nicht (oder nicht mehr).");
        }

        return errors;
    }

    public static bool IsValidSchedule(string schedule)
    {
        try
        {
            CronExpression.Parse(schedule);
            return true;
        }
        catch (CronFormatException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,59}$")]
    private static partial Regex KeyPattern();
}
