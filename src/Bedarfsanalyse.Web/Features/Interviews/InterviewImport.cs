using System.Globalization;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;
using Bedarfsanalyse.Core.Questionnaires.Tabular;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Data.Questionnaires;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Features.Questionnaires;
using Bedarfsanalyse.Web.Features.Uploads;
using Bedarfsanalyse.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Interviews;

/// <summary>
/// Bulk import of completed interviews (e.g. typed in from paper) from a CSV or .xlsx file in the analyst export's flat
/// layout (<see cref="FlatLayout"/>) plus a few columns about the interview (ADR 0011). Every row is checked by the
/// layout and by the engine; a dry run lists every row's errors with row number and column, and a real import stores
/// all rows in one transaction or none.
/// </summary>
public sealed class InterviewImport(
    BedarfsanalyseDb db, UserScope scope, InterviewStore store, CompiledQuestionnaires questionnaires, AuditLog audit, TimeProvider clock)
{
    public const string IdColumn = "interview_id";
    public const string VersionColumn = "version";
    public const string DistrictColumn = "kreis";
    public const string GroupColumn = "befragtengruppe";
    public const string DateColumn = "datum";
    public const string ConsentColumn = "einwilligung";

    public const int MaxRows = 10_000;

    private static readonly string[] MetaColumns = [IdColumn, VersionColumn, DistrictColumn, GroupColumn, DateColumn, ConsentColumn];

    public async Task<Outcome<ImportReport>> RunAsync(string? questionnaire, Stream content, string fileName, bool dryRun, CancellationToken cancellationToken)
    {
        if (scope.NetworkId is not { } networkId)
        {
            return InputErrors.Of("network", "Importieren können Interviewende und Administration eines Verbunds; Ihr Konto gehört zu keinem Verbund.");
        }

        var versions = await db.QuestionnaireVersions.AsNoTracking()
            .Where(v => v.Questionnaire!.Key == (questionnaire ?? "").Trim() && v.Status == QuestionnaireVersion.Published)
            .Select(v => new { v.Id, v.Number }).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            return InputErrors.Of("questionnaire", $"Einen veröffentlichten Fragebogen „{questionnaire}“ gibt es nicht.");
        }

        // The analyst workbook starts with its cover and codebook; its data sheet of this questionnaire is "Daten {key}".
        var read = TableFile.Read(content, fileName, $"Daten {questionnaire!.Trim()}", [DistrictColumn, GroupColumn, ConsentColumn]);
        if (!read.Succeeded)
        {
            return read.Errors!;
        }

        var table = read.Value!;
        if (table.Rows.Count > MaxRows)
        {
            return InputErrors.Of("file", $"Die Datei hat {table.Rows.Count:N0} Zeilen; höchstens {MaxRows:N0} auf einmal.");
        }

        var compiled = new Dictionary<int, (int Id, CompiledQuestionnaire Questionnaire, FlatLayout Layout)>();
        foreach (var version in versions)
        {
            var c = (await questionnaires.GetAsync(version.Id, cancellationToken))!;
            compiled[version.Number] = (version.Id, c, FlatLayout.For(c.Definition, version.Number));
        }

        var newest = versions.Max(v => v.Number);
        var known = compiled.Values.SelectMany(v => v.Layout.Columns.Select(c => c.Name)).Concat(MetaColumns).ToHashSet(StringComparer.Ordinal);
        var ignored = table.Headers.Where(h => !known.Contains(h.Trim())).ToList();
        var errors = new List<ImportError>();
        foreach (var meta in new[] { DistrictColumn, GroupColumn, ConsentColumn })
        {
            if (table.Column(meta) < 0)
            {
                errors.Add(new ImportError(1, meta, $"Die Spalte „{meta}“ fehlt."));
            }
        }

        if (errors.Count > 0)
        {
            return new ImportReport(dryRun, table.Rows.Count, 0, errors, ignored);
        }

        var networkDistricts = (await db.NetworkDistricts.Where(d => d.NetworkId == networkId).Select(d => d.DistrictKey).ToListAsync(cancellationToken)).ToHashSet();
        var ids = new HashSet<Guid>();
        var interviews = new List<(Interview Interview, IReadOnlyDictionary<string, AnswerValue> Answers)>();
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            string Cell(string column) => row.Cell(table.Column(column)).Trim();
            void Error(string column, string message) => errors.Add(new ImportError(row.Number, column, message));

            var id = Guid.CreateVersion7();
            if (Cell(IdColumn) is { Length: > 0 } idText && !Guid.TryParse(idText, out id))
            {
                Error(IdColumn, $"„{idText}“ ist keine Interview-ID (UUID).");
            }
            else if (!ids.Add(id))
            {
                Error(IdColumn, "Diese Interview-ID kommt in der Datei mehrfach vor.");
            }

            var number = newest;
            if (Cell(VersionColumn) is { Length: > 0 } versionText
                && (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out number) || !compiled.ContainsKey(number)))
            {
                Error(VersionColumn, $"Eine veröffentlichte Version „{versionText}“ des Fragebogens gibt es nicht.");
                number = newest;
            }

            var (versionId, engine, layout) = compiled[number];
            var district = Cell(DistrictColumn);
            if (!networkDistricts.Contains(district))
            {
                Error(DistrictColumn, $"Der Kreis „{district}“ gehört nicht zum Verbund.");
            }
            else if (!await scope.MayWorkInAsync(networkId, district, cancellationToken))
            {
                Error(DistrictColumn, $"Sie sind dem Kreis {district} nicht zugeordnet.");
            }

            var group = Cell(GroupColumn);
            if (!engine.Definition.RespondentGroups.Contains(group))
            {
                Error(GroupColumn, $"„{group}“ ist keine Befragtengruppe dieses Fragebogens ({string.Join(", ", engine.Definition.RespondentGroups)}).");
            }

            var conductedOn = DateOnly.FromDateTime(GermanTime.ToLocal(now).DateTime);
            if (Cell(DateColumn) is { Length: > 0 } dateText
                && !DateOnly.TryParseExact(dateText, ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out conductedOn))
            {
                Error(DateColumn, $"„{dateText}“ ist kein Datum; erwartet wird TT.MM.JJJJ.");
            }

            if (Cell(ConsentColumn) != "1")
            {
                Error(ConsentColumn, "Nur Interviews mit dokumentierter Einwilligung (1) können importiert werden.");
            }

            var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < table.Headers.Count; i++)
            {
                cells[table.Headers[i].Trim()] = row.Cell(i);
            }

            var flat = FlatRowReader.Read(layout, cells);
            errors.AddRange(flat.Errors.Select(e => new ImportError(row.Number, e.Column, e.Message)));
            var validation = engine.Validate(flat.Answers, ValidationMode.Complete, conductedOn);
            // A cell the layout could not read is reported once, not again as a missing answer.
            var unreadable = flat.Errors.Select(e => layout.Find(e.Column)?.Question).ToHashSet();
            foreach (var error in validation.Errors.Where(e => !unreadable.Contains(e.Question)))
            {
                Error(ColumnOf(layout, error), error.Message);
            }

            if (errors.Count == before)
            {
                interviews.Add((new Interview
                {
                    Id = id,
                    NetworkId = networkId,
                    QuestionnaireVersionId = versionId,
                    RespondentGroupCode = group,
                    DistrictKey = district,
                    InterviewerId = scope.UserId,
                    ConductedOn = conductedOn,
                    Status = Interview.Completed,
                    ConsentGiven = true,
                    ConsentGivenAt = now,
                    ConsentTextVersion = await CurrentConsentAsync(cancellationToken),
                    CreatedAt = now,
                    UpdatedAt = now,
                    CompletedAt = now,
                    NonSubstantiveAnswers = InterviewQuality.NonSubstantiveAnswers(engine.Definition, validation.Answers),
                }, validation.Answers));
            }
        }

        var existing = await db.Interviews.Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken);
        foreach (var id in existing)
        {
            var row = table.Rows.First(r => Guid.TryParse(r.Cell(table.Column(IdColumn)).Trim(), out var g) && g == id);
            errors.Add(new ImportError(row.Number, IdColumn, "Ein Interview mit dieser ID gibt es schon."));
        }

        if (dryRun || errors.Count > 0)
        {
            return new ImportReport(dryRun, table.Rows.Count, 0, [.. errors.OrderBy(e => e.Row)], ignored);
        }

        foreach (var (interview, answers) in interviews)
        {
            db.Interviews.Add(interview);
            store.AddAnswers(interview.Id, answers);
        }

        audit.Add(AuditActions.InterviewsImported, "interview", null, new { file = fileName, count = interviews.Count });
        await db.SaveChangesAsync(cancellationToken);
        return new ImportReport(false, table.Rows.Count, interviews.Count, [], ignored);
    }

    private string? _consent;

    private async Task<string?> CurrentConsentAsync(CancellationToken cancellationToken) =>
        _consent ??= await db.ConsentTexts.OrderByDescending(c => c.ValidFrom).Select(c => c.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The column an engine error belongs to: the matrix row's column, else the question's first column.</summary>
    private static string ColumnOf(FlatLayout layout, AnswerError error) =>
        layout.Columns.FirstOrDefault(c => c.Question == error.Question && (error.Item is null || c.Item == error.Item))?.Name ?? error.Question;
}

/// <summary>What an import found: per row and column, in German; nothing is stored when there is any error.</summary>
/// <param name="IgnoredColumns">Columns the import does not know (e.g. an export's pseudonym or weight), left out.</param>
public sealed record ImportReport(bool DryRun, int Rows, int Imported, IReadOnlyList<ImportError> Errors, IReadOnlyList<string> IgnoredColumns);

/// <param name="Row">The row number as the user's program shows it (the header is row 1).</param>
public sealed record ImportError(int Row, string Column, string Message);
