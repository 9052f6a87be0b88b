using System.Diagnostics;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;
using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Data.ReferenceData;
using Bedarfsanalyse.Web.Features.Questionnaires;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Bedarfsanalyse.Web.Commands.Demo;

/// <summary>Dataset sizes: S for the demo, M and L for benchmarks.</summary>
public enum DemoSize
{
    S,
    M,
    L,
}

/// <param name="Interviews">Overrides the size's interview count (tests use small sets).</param>
public sealed record DemoOptions(DemoSize Size = DemoSize.S, string NetworkKey = "mehrwert", IReadOnlyList<string>? Districts = null, int Seed = 20261, int? Interviews = null)
{
    public int InterviewCount => Interviews ?? Size switch { DemoSize.S => 2_000, DemoSize.M => 20_000, _ => 200_000 };
}

public sealed record DemoSeedResult(string NetworkKey, int Districts, int Establishments, int Interviews, long Answers, TimeSpan Elapsed);

/// <summary>
/// Fills a network with demo establishments, contacts, interviews and answers (Bogus with a fixed seed) and loads
/// them with PostgreSQL's binary COPY. Answers come from walking the published questionnaires with the engine;
/// patterns are cached per (questionnaire, district, size or group, quarter, variant) so L stays fast.
/// </summary>
public sealed class DemoSeeder(BedarfsanalyseDb db, NetworkQuestionnaireSetup setup)
{
    public const string ConsentVersion = "2026-1";
    private const int PatternsPerQuestionnaire = 3_000;

    // L's answers COPY runs for minutes; the default 30 s command timeout would cut it off.
    private static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(15);
    private static readonly int[] SizeWeights = [55, 30, 12, 3];
    private static readonly (int Low, int High)[] SizeRanges = [(1, 9), (10, 49), (50, 249), (250, 1200)];
    private static readonly string[] EmployeeGroups = [RespondentGroups.OlderEmployees, RespondentGroups.YoungerEmployees, RespondentGroups.Apprentices, RespondentGroups.ImmigrationHistory];

    public async Task<DemoSeedResult> SeedAsync(DemoOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var network = await db.Networks.Include(n => n.Districts).SingleOrDefaultAsync(n => n.Key == options.NetworkKey, cancellationToken)
            ?? throw new CommandFailedException($"Einen Verbund „{options.NetworkKey}“ gibt es nicht.");
        if (await db.Interviews.AnyAsync(i => i.NetworkId == network.Id, cancellationToken))
        {
            throw new CommandFailedException($"Der Verbund „{network.Name}“ enthält bereits Interviews; die Demodaten werden nicht noch einmal geladen.");
        }

        var districts = await Districts(options, network.Districts.Select(d => d.DistrictKey).ToList(), cancellationToken);
        await setup.EnsurePublishedAsync(cancellationToken);
        var employer = await Published(NetworkQuestionnaires.EmployerKey, cancellationToken);
        var employee = await Published(NetworkQuestionnaires.EmployeeKey, cancellationToken);
        var sectors = await db.Sectors.Where(s => s.Classification == Sector.Wz2008).Select(s => s.Code).ToListAsync(cancellationToken);
        if (!await db.ConsentTexts.AnyAsync(c => c.Version == ConsentVersion, cancellationToken))
        {
            throw new CommandFailedException($"Der Einwilligungstext {ConsentVersion} fehlt in der Datenbank.");
        }

        var data = new DemoData(network.Id, districts, sectors, employer, employee, options);
        data.Generate();
        await progress.WriteLineAsync($"Erzeugt: {GermanFigureFormat.Count(data.Establishments.Count)} Betriebe, {GermanFigureFormat.Count(data.Interviews.Count)} Interviews, {GermanFigureFormat.Count(data.AnswerCount)} Antworten ({GermanFigureFormat.Number((decimal)watch.Elapsed.TotalSeconds, 1)} s).");

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await data.CopyAsync(connection, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await using (var analyze = new NpgsqlCommand("analyze establishments; analyze establishment_contacts; analyze interviews; analyze answers;", connection))
        {
            analyze.CommandTimeout = (int)CopyTimeout.TotalSeconds;
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        return new DemoSeedResult(network.Key, districts.Count, data.Establishments.Count, data.Interviews.Count, data.AnswerCount, watch.Elapsed);
    }

    private async Task<List<string>> Districts(DemoOptions options, List<string> networkDistricts, CancellationToken cancellationToken)
    {
        if (options.Districts is { Count: > 0 } requested)
        {
            var known = await db.Districts.Where(d => requested.Contains(d.Key)).Select(d => d.Key).ToListAsync(cancellationToken);
            var unknown = requested.Except(known).ToList();
            if (unknown.Count > 0)
            {
                throw new CommandFailedException($"--districts: unbekannte Kreisschlüssel {string.Join(", ", unknown)}.");
            }

            return [.. requested.Distinct()];
        }

        if (options.Size == DemoSize.L)
        {
            // L spans all of Lower Saxony (45 districts), not one network's handful.
            return await db.Districts.Where(d => d.StateCode == "03" && d.ValidUntil == null).OrderBy(d => d.Key).Select(d => d.Key).ToListAsync(cancellationToken);
        }

        return networkDistricts.Count > 0 ? networkDistricts : throw new CommandFailedException("Der Verbund hat keine Kreise; bitte geben Sie --districts an.");
    }

    private async Task<(int VersionId, CompiledQuestionnaire Compiled)> Published(string key, CancellationToken cancellationToken)
    {
        var version = await db.QuestionnaireVersions.Where(v => v.Questionnaire!.Key == key && v.Status == Data.Questionnaires.QuestionnaireVersion.Published)
            .OrderByDescending(v => v.Number).FirstAsync(cancellationToken);
        return (version.Id, CompiledQuestionnaire.Compile(Core.Questionnaires.Json.QuestionnaireJson.Deserialize(version.Definition)));
    }

    internal sealed record Pattern(IReadOnlyList<AnswerRow> Rows, int Headcount, string? SectorLetter, int NonSubstantive);

    internal sealed record EstablishmentRow(Guid Id, string DistrictKey, string Pseudonym, string SectorCode, int Headcount, string Chamber, DateTimeOffset CreatedAt, string Name, string Street, string PostalCode, string City, string Person, string Phone, string Email);

    internal sealed record InterviewRow(Guid Id, int VersionId, string Group, string DistrictKey, Guid? EstablishmentId, DateOnly ConductedOn, string Status,
        DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, DateTimeOffset? WithdrawnAt, int? Duration, int Edits, int NonSubstantive, IReadOnlyList<AnswerRow> Rows);

    /// <summary>The generated rows, in memory until COPY (L needs about 1–2 GB).</summary>
    internal sealed class DemoData(int networkId, List<string> districts, List<string> sectors,
        (int VersionId, CompiledQuestionnaire Compiled) employer, (int VersionId, CompiledQuestionnaire Compiled) employee, DemoOptions options)
    {
        private readonly Dictionary<(bool, string, string, int, int), Pattern> _patterns = [];
        private readonly DateOnly _today = DateOnly.FromDateTime(DateTime.Today);

        public List<EstablishmentRow> Establishments { get; } = [];

        public List<InterviewRow> Interviews { get; } = [];

        public long AnswerCount { get; private set; }

        public void Generate()
        {
            Randomizer.Seed = new Random(options.Seed);
            var faker = new Faker("de");
            var random = new Random(options.Seed);
            var employerWalker = new AnswerWalker(employer.Compiled, _today);
            var employeeWalker = new AnswerWalker(employee.Compiled, _today);
            var firstQuarterStart = QuarterStart(_today).AddMonths(-21);
            // Field effort grows: quarter q carries weight q + 2.
            var quarterWeights = Enumerable.Range(0, 8).Select(q => q + 2.0).ToArray();
            var total = options.InterviewCount;
            var employerShare = 0.4;
            var variants = Math.Max(1, PatternsPerQuestionnaire / (districts.Count * 4 * 8));
            for (var n = 0; n < total; n++)
            {
                var quarter = Weighted(random, quarterWeights);
                var quarterStart = firstQuarterStart.AddMonths(3 * quarter);
                var days = Math.Max(1, Math.Min(quarterStart.AddMonths(3).DayNumber, _today.DayNumber + 1) - quarterStart.DayNumber);
                var conductedOn = quarterStart.AddDays(random.Next(days));
                var district = districts[random.Next(districts.Count)];
                var isEmployer = random.NextDouble() < employerShare;
                var variant = random.Next(variants);
                Pattern pattern;
                Guid? establishmentId = null;
                string group;
                if (isEmployer)
                {
                    var size = Weighted(random, [.. SizeWeights.Select(w => (double)w)]);
                    group = RespondentGroups.Establishment;
                    pattern = PatternFor(true, district, size.ToString(), quarter, variant, () =>
                    {
                        var (low, high) = SizeRanges[size];
                        var headcount = random.Next(low, high + 1);
                        var letter = ((char)('A' + random.Next(15))).ToString();
                        return employerWalker.Complete(new RespondentProfile(district, headcount, quarter, group, letter), random);
                    });
                    var establishment = NewEstablishment(faker, random, district, pattern, conductedOn);
                    Establishments.Add(establishment);
                    establishmentId = establishment.Id;
                }
                else
                {
                    group = EmployeeGroups[random.Next(EmployeeGroups.Length)];
                    var chosen = group;
                    pattern = PatternFor(false, district, group, quarter, variant,
                        () => employeeWalker.Complete(new RespondentProfile(district, 20, quarter, chosen, null), random));
                }

                var draw = random.NextDouble();
                var status = draw < 0.05 ? Interview.Draft : draw < 0.07 ? Interview.Withdrawn : Interview.Completed;
                var start = new DateTimeOffset(conductedOn.ToDateTime(new TimeOnly(8 + random.Next(9), random.Next(60))), TimeSpan.Zero);
                var duration = (isEmployer ? 1_500 : 900) + random.Next(1_200);
                IReadOnlyList<AnswerRow> rows = status switch
                {
                    // A draft stops after its first page; a withdrawal erases the answers.
                    Interview.Draft => [.. pattern.Rows.Where(r => r.Question.StartsWith(isEmployer ? "a_" : "p_", StringComparison.Ordinal))],
                    Interview.Withdrawn => [],
                    _ => pattern.Rows,
                };
                AnswerCount += rows.Count;
                Interviews.Add(new InterviewRow(Guid.CreateVersion7(start), isEmployer ? employer.VersionId : employee.VersionId, group, district, establishmentId,
                    conductedOn, status, start,
                    status == Interview.Completed ? start.AddSeconds(duration) : null,
                    status == Interview.Withdrawn ? start.AddDays(random.Next(1, 20)) : null,
                    status == Interview.Draft ? null : duration,
                    status == Interview.Completed && random.NextDouble() < 0.08 ? random.Next(1, 4) : 0,
                    status == Interview.Draft ? 0 : pattern.NonSubstantive,
                    rows));
            }

            // Some establishments are in the register without an interview yet.
            for (var n = Establishments.Count / 5; n > 0; n--)
            {
                var district = districts[random.Next(districts.Count)];
                var (low, high) = SizeRanges[Weighted(random, [.. SizeWeights.Select(w => (double)w)])];
                Establishments.Add(NewEstablishment(faker, random, district, new Pattern([], random.Next(low, high + 1), null, 0), _today.AddDays(-random.Next(600))));
            }
        }

        private Pattern PatternFor(bool isEmployer, string district, string profile, int quarter, int variant, Func<IReadOnlyDictionary<string, AnswerValue>> answer)
        {
            var key = (isEmployer, district, profile, quarter, variant);
            if (!_patterns.TryGetValue(key, out var pattern))
            {
                var answers = answer();
                var headcount = answers.GetValueOrDefault("a_beschaeftigte") is NumberAnswer number ? (int)number.Value : 0;
                var letter = answers.GetValueOrDefault("a_wz") is ChoiceAnswer { Codes.Count: 1 } wz ? wz.Codes[0] : null;
                var nonSubstantive = answers.Count(a => a.Value is ChoiceAnswer choice && choice.Codes.Any(c => c is "wn" or "ka"));
                pattern = new Pattern(AnswerRowMapping.ToRows(answers), headcount, letter, nonSubstantive);
                _patterns[key] = pattern;
            }

            return pattern;
        }

        private EstablishmentRow NewEstablishment(Faker faker, Random random, string district, Pattern pattern, DateOnly seen)
        {
            var number = Establishments.Count + 1;
            var sector = pattern.SectorLetter is { } letter && sectors.Contains(letter) ? letter : sectors[random.Next(Math.Min(sectors.Count, 15))];
            var chamber = sector is "C" or "F" && pattern.Headcount < 50 ? "hwk" : random.NextDouble() < 0.6 ? "ihk" : "none";
            var created = new DateTimeOffset(seen.AddDays(-random.Next(30)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return new EstablishmentRow(Guid.CreateVersion7(created), district, $"D{networkId}-{options.Seed % 1000:D3}-{number:D7}", sector, Math.Max(1, pattern.Headcount), chamber, created,
                faker.Company.CompanyName(), faker.Address.StreetAddress(), faker.Address.ZipCode("#####"), faker.Address.City(),
                faker.Name.FullName(), faker.Phone.PhoneNumber("0#### ######"), faker.Internet.Email());
        }

        public async Task CopyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
        {
            await using (var writer = await connection.BeginBinaryImportAsync(
                "copy establishments (id, network_id, district_key, pseudonym, sector_classification, sector_code, headcount, chamber, created_at) from stdin (format binary)", cancellationToken))
            {
                writer.Timeout = CopyTimeout;
                foreach (var e in Establishments)
                {
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(e.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(networkId, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(e.DistrictKey, NpgsqlDbType.Char, cancellationToken);
                    await writer.WriteAsync(e.Pseudonym, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(Sector.Wz2008, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(e.SectorCode, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(e.Headcount, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(e.Chamber, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(e.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                }

                await writer.CompleteAsync(cancellationToken);
            }

            await using (var writer = await connection.BeginBinaryImportAsync(
                "copy establishment_contacts (establishment_id, name, street, postal_code, city, contact_person, phone, email, updated_at) from stdin (format binary)", cancellationToken))
            {
                writer.Timeout = CopyTimeout;
                foreach (var e in Establishments)
                {
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(e.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(e.Name, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(e.Street, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(e.PostalCode, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(e.City, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(e.Person, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(e.Phone, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(e.Email, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(e.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                }

                await writer.CompleteAsync(cancellationToken);
            }

            await using (var writer = await connection.BeginBinaryImportAsync(
                "copy interviews (id, network_id, questionnaire_version_id, respondent_group_code, district_key, establishment_id, conducted_on, status, consent_given, consent_given_at, consent_text_version, created_at, updated_at, completed_at, withdrawn_at, withdrawal_reason, duration_seconds, edits_after_completion, non_substantive_answers) from stdin (format binary)", cancellationToken))
            {
                writer.Timeout = CopyTimeout;
                foreach (var i in Interviews)
                {
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(i.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(networkId, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(i.VersionId, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(i.Group, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(i.DistrictKey, NpgsqlDbType.Char, cancellationToken);
                    await WriteNullable(writer, i.EstablishmentId, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(i.ConductedOn, NpgsqlDbType.Date, cancellationToken);
                    await writer.WriteAsync(i.Status, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
                    await writer.WriteAsync(i.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await writer.WriteAsync(ConsentVersion, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(i.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await writer.WriteAsync(i.WithdrawnAt ?? i.CompletedAt ?? i.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await WriteNullable(writer, i.CompletedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await WriteNullable(writer, i.WithdrawnAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    if (i.WithdrawnAt is null)
                    {
                        await writer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await writer.WriteAsync("Einwilligung widerrufen", NpgsqlDbType.Varchar, cancellationToken);
                    }

                    await WriteNullable(writer, i.Duration, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(i.Edits, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(i.NonSubstantive, NpgsqlDbType.Integer, cancellationToken);
                }

                await writer.CompleteAsync(cancellationToken);
            }

            await using (var writer = await connection.BeginBinaryImportAsync(
                "copy answers (interview_id, question, item, position, code, number, text, date) from stdin (format binary)", cancellationToken))
            {
                writer.Timeout = CopyTimeout;
                foreach (var i in Interviews)
                {
                    foreach (var row in i.Rows)
                    {
                        writer.StartRow();
                        writer.Write(i.Id, NpgsqlDbType.Uuid);
                        writer.Write(row.Question, NpgsqlDbType.Varchar);
                        writer.Write(row.Item, NpgsqlDbType.Varchar);
                        writer.Write(row.Position, NpgsqlDbType.Smallint);
                        if (row.Code is null) { writer.WriteNull(); } else { writer.Write(row.Code, NpgsqlDbType.Varchar); }
                        if (row.Number is null) { writer.WriteNull(); } else { writer.Write(row.Number.Value, NpgsqlDbType.Numeric); }
                        if (row.Text is null) { writer.WriteNull(); } else { writer.Write(row.Text, NpgsqlDbType.Text); }
                        if (row.Date is null) { writer.WriteNull(); } else { writer.Write(row.Date.Value, NpgsqlDbType.Date); }
                    }
                }

                await writer.CompleteAsync(cancellationToken);
            }
        }

        private static async Task WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
            where T : struct
        {
            if (value is { } present)
            {
                await writer.WriteAsync(present, type, cancellationToken);
            }
            else
            {
                await writer.WriteNullAsync(cancellationToken);
            }
        }

        private static DateOnly QuarterStart(DateOnly date) => new(date.Year, (date.Month - 1) / 3 * 3 + 1, 1);

        private static int Weighted(Random random, double[] weights)
        {
            var draw = random.NextDouble() * weights.Sum();
            for (var i = 0; i < weights.Length; i++)
            {
                draw -= weights[i];
                if (draw < 0)
                {
                    return i;
                }
            }

            return weights.Length - 1;
        }
    }
}
