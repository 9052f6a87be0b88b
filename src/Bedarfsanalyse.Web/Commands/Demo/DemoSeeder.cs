using System.Diagnostics;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;
using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Data.ReferenceData;
using Bedarfsanalyse.Web.Features;
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

/// <param name="NetworkKey">The network to fill; null: MehrWert, for L the benchmark network of all Lower Saxony.</param>
/// <param name="Districts">A subset of the network's districts; null: all of them.</param>
/// <param name="Interviews">Overrides the size's interview count (tests use small sets).</param>
/// <param name="InterviewerId">An interviewer account that gets a share of the interviews, including open drafts.</param>
public sealed record DemoOptions(DemoSize Size = DemoSize.S, string? NetworkKey = null, IReadOnlyList<string>? Districts = null, int Seed = DemoOptions.DefaultSeed, int? Interviews = null, Guid? InterviewerId = null)
{
    public const int DefaultSeed = 20261;
    public const string DefaultNetwork = "mehrwert";

    public int InterviewCount => Interviews ?? Size switch { DemoSize.S => 2_000, DemoSize.M => 20_000, _ => 200_000 };

    public string Network => NetworkKey ?? (Size == DemoSize.L ? LowerSaxonyNetwork.Key : DefaultNetwork);
}

public sealed record DemoSeedResult(string NetworkKey, int Districts, int Establishments, int Interviews, long Answers, TimeSpan Elapsed);

/// <summary>
/// Fills a network with demo establishments, contacts, interviews and answers (Bogus with a fixed seed) and loads
/// them with PostgreSQL's binary COPY, in one transaction (the caller's, when it has one open). Answers come from
/// walking the published questionnaires with the engine; patterns are cached per (questionnaire, district, size or
/// group, quarter, variant) so L stays fast.
/// </summary>
public sealed class DemoSeeder(BedarfsanalyseDb db, NetworkQuestionnaireSetup setup, TimeProvider clock)
{
    public const string ConsentVersion = "2026-1";
    public const string ConsentRevoked = "Einwilligung widerrufen";
    public const string Duplicate = "Doppelt erfasst";
    private const int PatternsPerQuestionnaire = 3_000;

    // L's answers COPY runs for minutes; the default 30 s command timeout would cut it off.
    private static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(15);

    /// <summary>The eight quarters the demo data spans: the current one (German time) and the seven before it.</summary>
    public static (Quarter First, Quarter Last) Quarters(TimeProvider clock)
    {
        var last = Quarter.Of(Today(clock));
        return (last.AddQuarters(-7), last);
    }

    internal static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(GermanTime.ToLocal(clock.GetUtcNow()).DateTime);

    public async Task<DemoSeedResult> SeedAsync(DemoOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        if (options.Network == LowerSaxonyNetwork.Key)
        {
            await LowerSaxonyNetwork.EnsureAsync(db, cancellationToken);
        }

        var network = await db.Networks.Include(n => n.Districts).SingleOrDefaultAsync(n => n.Key == options.Network, cancellationToken)
            ?? throw new CommandFailedException($"Einen Verbund „{options.Network}“ gibt es nicht.");
        if (await db.Interviews.AnyAsync(i => i.NetworkId == network.Id, cancellationToken))
        {
            throw new CommandFailedException($"Der Verbund „{network.Name}“ enthält bereits Interviews; die Demodaten werden nicht noch einmal geladen.");
        }

        var districts = await DistrictsAsync(options, network, cancellationToken);
        await setup.EnsurePublishedAsync(cancellationToken);
        var employer = await Published(NetworkQuestionnaires.EmployerKey, cancellationToken);
        var employee = await Published(NetworkQuestionnaires.EmployeeKey, cancellationToken);
        var sectors = await db.Sectors.Where(s => s.Classification == Sector.Wz2008).Select(s => s.Code).ToListAsync(cancellationToken);
        if (!await db.ConsentTexts.AnyAsync(c => c.Version == ConsentVersion, cancellationToken))
        {
            throw new CommandFailedException($"Der Einwilligungstext {ConsentVersion} fehlt in der Datenbank.");
        }

        var data = new DemoData(network.Id, districts, sectors, employer, employee, options, clock.GetUtcNow());
        data.Generate(cancellationToken);
        await progress.WriteLineAsync($"Erzeugt: {GermanFigureFormat.Count(data.Establishments.Count)} Betriebe, {GermanFigureFormat.Count(data.Interviews.Count)} Interviews, {GermanFigureFormat.Count(data.AnswerCount)} Antworten ({GermanFigureFormat.Number((decimal)watch.Elapsed.TotalSeconds, 1)} s).");

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        // Nothing half-stored: all rows in one transaction, the caller's when it has one open (the demo start adds
        // its accounts to the same transaction).
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            await data.CopyAsync(connection, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }

        await using (var analyze = new NpgsqlCommand("analyze establishments; analyze establishment_contacts; analyze interviews; analyze answers;", connection))
        {
            analyze.CommandTimeout = (int)CopyTimeout.TotalSeconds;
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        return new DemoSeedResult(network.Key, districts.Count, data.Establishments.Count, data.Interviews.Count, data.AnswerCount, watch.Elapsed);
    }

    /// <summary>The network's districts, or the requested ones if every one of them belongs to the network.</summary>
    private async Task<List<string>> DistrictsAsync(DemoOptions options, Data.Networks.Network network, CancellationToken cancellationToken)
    {
        var members = network.Districts.Select(d => d.DistrictKey).Order(StringComparer.Ordinal).ToList();
        if (options.Districts is not { Count: > 0 } requested)
        {
            return members.Count > 0 ? members : throw new CommandFailedException($"Der Verbund „{network.Name}“ hat keine Kreise; ordnen Sie ihm zuerst Kreise zu.");
        }

        var keys = requested.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct().ToList();
        var known = await db.Districts.Where(d => keys.Contains(d.Key)).Select(d => d.Key).ToListAsync(cancellationToken);
        var unknown = keys.Except(known).ToList();
        if (unknown.Count > 0)
        {
            throw new CommandFailedException($"--districts: unbekannte Kreisschlüssel {string.Join(", ", unknown)}.");
        }

        var outside = keys.Except(members).ToList();
        if (outside.Count > 0)
        {
            throw new CommandFailedException(
                $"--districts: {string.Join(", ", outside)} {(outside.Count == 1 ? "gehört" : "gehören")} nicht zum Verbund „{network.Name}“ ({network.Key}); "
                + $"dessen Kreise sind {string.Join(", ", members)}.");
        }

        return keys;
    }

    private async Task<(int VersionId, CompiledQuestionnaire Compiled)> Published(string key, CancellationToken cancellationToken)
    {
        var version = await db.QuestionnaireVersions.Where(v => v.Questionnaire!.Key == key && v.Status == Data.Questionnaires.QuestionnaireVersion.Published)
            .OrderByDescending(v => v.Number).FirstAsync(cancellationToken);
        return (version.Id, CompiledQuestionnaire.Compile(Core.Questionnaires.Json.QuestionnaireJson.Deserialize(version.Definition)));
    }

    /// <param name="Chamber">The a_kammer answer of an employer pattern.</param>
    internal sealed record Pattern(IReadOnlyList<AnswerRow> Rows, int Headcount, string? SectorLetter, string? Chamber, int NonSubstantive);

    internal sealed record EstablishmentRow(Guid Id, string DistrictKey, string Pseudonym, string SectorCode, int Headcount, string? Chamber, DateTimeOffset CreatedAt, string Name, string Street, string PostalCode, string City, string Person, string Phone, string Email);

    /// <summary>A field target (Soll): interviews planned for a district, respondent group and quarter.</summary>
    internal sealed record TargetRow(string DistrictKey, string Group, Quarter Quarter, int Target);

    internal sealed record InterviewRow(Guid Id, int VersionId, string Group, string DistrictKey, Guid? EstablishmentId, Guid? InterviewerId, DateOnly ConductedOn, string Status,
        bool ConsentGiven, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? CompletedAt, DateTimeOffset? WithdrawnAt, string? WithdrawalReason,
        int? Duration, int Edits, int NonSubstantive, IReadOnlyList<AnswerRow> Rows, Pattern Pattern);

    /// <summary>The generated rows, in memory until COPY (L needs about 1–2 GB).</summary>
    internal sealed class DemoData(int networkId, List<string> districts, List<string> sectors,
        (int VersionId, CompiledQuestionnaire Compiled) employer, (int VersionId, CompiledQuestionnaire Compiled) employee, DemoOptions options, DateTimeOffset now)
    {
        private const double EmployerShare = 0.4;

        // A network's field team: the demo interviewer is one of about eight.
        private const double InterviewerShare = 1.0 / 8;
        private const int InterviewerOpenDrafts = 3;

        private static readonly double[] SizeWeights = [55, 30, 12, 3];
        private static readonly (int Low, int High)[] SizeRanges = [(1, 9), (10, 49), (50, 249), (250, 1200)];
        private static readonly string[] EmployeeGroups = [RespondentGroups.OlderEmployees, RespondentGroups.YoungerEmployees, RespondentGroups.Apprentices, RespondentGroups.ImmigrationHistory];

        private readonly Dictionary<(bool, string, string, int, int), Pattern> _patterns = [];
        private readonly DateOnly _today = DateOnly.FromDateTime(GermanTime.ToLocal(now).DateTime);

        public List<EstablishmentRow> Establishments { get; } = [];

        public List<InterviewRow> Interviews { get; } = [];

        public long AnswerCount { get; private set; }

        public List<TargetRow> Targets { get; } = [];

        public void Generate(CancellationToken cancellationToken)
        {
            Randomizer.Seed = new Random(options.Seed);
            var faker = new Faker("de");
            var random = new Random(options.Seed);
            // Who took an interview is drawn apart from the rest, so the data are the same with or without an interviewer.
            var assignment = new Random(options.Seed ^ 0x5EED);
            var employerWalker = new AnswerWalker(employer.Compiled, _today);
            var employeeWalker = new AnswerWalker(employee.Compiled, _today);
            var firstQuarterStart = Quarter.Of(_today).AddQuarters(-7).FirstDay;
            // Field effort grows: quarter q carries weight q + 2.
            var quarterWeights = Enumerable.Range(0, 8).Select(q => q + 2.0).ToArray();
            var variants = Math.Max(1, PatternsPerQuestionnaire / (districts.Count * 4 * 8));
            for (var n = 0; n < options.InterviewCount; n++)
            {
                if ((n & 255) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var quarter = Weighted(random, quarterWeights);
                var quarterStart = firstQuarterStart.AddMonths(3 * quarter);
                var days = Math.Max(1, Math.Min(quarterStart.AddMonths(3).DayNumber, _today.DayNumber + 1) - quarterStart.DayNumber);
                var conductedOn = quarterStart.AddDays(random.Next(days));
                var district = districts[random.Next(districts.Count)];
                var isEmployer = random.NextDouble() < EmployerShare;
                var variant = random.Next(variants);
                Pattern pattern;
                Guid? establishmentId = null;
                string group;
                if (isEmployer)
                {
                    var size = Weighted(random, SizeWeights);
                    group = RespondentGroups.Establishment;
                    pattern = PatternFor(true, district, size.ToString(), quarter, variant, () =>
                    {
                        var (low, high) = SizeRanges[size];
                        var headcount = random.Next(low, high + 1);
                        var letter = SectorMix.Draw(random, district, sectors);
                        var chamber = SectorMix.Chamber(random, letter, headcount);
                        return employerWalker.Complete(new RespondentProfile(district, headcount, quarter, group, letter, chamber), random);
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
                        () => employeeWalker.Complete(new RespondentProfile(district, 20, quarter, chosen, SectorMix.Draw(random, district, sectors)), random));
                }

                // Open drafts are recent work; an old draft is a rare abandoned one. Withdrawals are mostly revoked consent.
                var recent = conductedOn.DayNumber > _today.DayNumber - 30;
                var draw = random.NextDouble();
                var status = draw < (recent ? 0.2 : 0.01) ? Interview.Draft : draw > 0.98 ? Interview.Withdrawn : Interview.Completed;
                var reason = status == Interview.Withdrawn ? (random.NextDouble() < 0.75 ? ConsentRevoked : Duplicate) : null;
                var start = new DateTimeOffset(conductedOn.ToDateTime(new TimeOnly(8 + random.Next(9), random.Next(60))), TimeSpan.Zero);
                if (start > now)
                {
                    start = now.AddMinutes(-random.Next(20, 240));
                }

                var duration = (isEmployer ? 1_500 : 900) + random.Next(1_200);
                var lastSaved = start.AddSeconds(random.Next(300, 2_400));
                var withdrawnAt = start.AddDays(random.Next(1, 20));
                var edits = random.NextDouble() < 0.08 ? random.Next(1, 4) : 0;
                var interviewer = options.InterviewerId is { } id && assignment.NextDouble() < InterviewerShare ? id : (Guid?)null;
                var row = new InterviewRow(Guid.CreateVersion7(start), isEmployer ? employer.VersionId : employee.VersionId, group, district, establishmentId, interviewer,
                    conductedOn, Interview.Completed, true, start, start.AddSeconds(duration), start.AddSeconds(duration), null, null,
                    duration, edits, pattern.NonSubstantive, pattern.Rows, pattern);
                Interviews.Add(status switch
                {
                    Interview.Draft => AsDraft(row, lastSaved),
                    Interview.Withdrawn => AsWithdrawn(row, reason!, withdrawnAt > now ? now : withdrawnAt),
                    _ => row,
                });
            }

            GiveInterviewerOpenDrafts(random);
            PlanTargets(quarterWeights);
            AnswerCount = Interviews.Sum(i => (long)i.Rows.Count);

            // Some establishments are in the register without an interview yet.
            for (var n = Establishments.Count / 5; n > 0; n--)
            {
                var district = districts[random.Next(districts.Count)];
                var (low, high) = SizeRanges[Weighted(random, SizeWeights)];
                var headcount = random.Next(low, high + 1);
                var letter = SectorMix.Draw(random, district, sectors);
                Establishments.Add(NewEstablishment(faker, random, district, new Pattern([], headcount, letter, SectorMix.Chamber(random, letter, headcount), 0), _today.AddDays(-random.Next(600))));
            }

            // Rows in key order: the primary-key indexes then grow at their end instead of splitting pages all over.
            Interviews.Sort((a, b) => a.Id.CompareTo(b.Id));
            Establishments.Sort((a, b) => a.Id.CompareTo(b.Id));
        }

        /// <summary>
        /// The field targets a network would have agreed on: about the interviews the field work was planned to reach per
        /// district, group and quarter, some a little ambitious, some met with room to spare, so that the field report
        /// shows both. Apprentices get none, as a group without a target (the field report names it apart). Drawn with a
        /// seed of their own, so the interviews and answers stay those of the seed.
        /// </summary>
        private void PlanTargets(double[] quarterWeights)
        {
            var random = new Random(options.Seed ^ 0x7A26);
            var first = Quarter.Of(_today).AddQuarters(-7);
            var totalWeight = quarterWeights.Sum();
            var groupShares = new[] { (RespondentGroups.Establishment, EmployerShare) }
                .Concat(EmployeeGroups.Where(g => g != RespondentGroups.Apprentices).Select(g => (g, (1 - EmployerShare) / EmployeeGroups.Length)));
            foreach (var district in districts)
            {
                foreach (var (group, share) in groupShares)
                {
                    for (var q = 0; q < quarterWeights.Length; q++)
                    {
                        var planned = options.InterviewCount * quarterWeights[q] / totalWeight / districts.Count * share * (0.9 + 0.3 * random.NextDouble());
                        var target = planned < 50 ? (int)Math.Round(planned) : (int)Math.Round(planned / 5) * 5;
                        if (target > 0)
                        {
                            Targets.Add(new TargetRow(district, group, first.AddQuarters(q), target));
                        }
                    }
                }
            }
        }

        /// <summary>A draft stops after its first page and was last saved a little after it was begun.</summary>
        private static InterviewRow AsDraft(InterviewRow row, DateTimeOffset lastSaved)
        {
            var firstPage = row.Group == RespondentGroups.Establishment ? "a_" : "p_";
            return row with
            {
                Status = Interview.Draft, UpdatedAt = lastSaved, CompletedAt = null, Duration = null, Edits = 0, NonSubstantive = 0,
                Rows = [.. row.Pattern.Rows.Where(r => r.Question.StartsWith(firstPage, StringComparison.Ordinal))],
            };
        }

        /// <summary>Revoked consent erases the answers and the consent; a duplicate keeps both, as the interview capture does.</summary>
        private static InterviewRow AsWithdrawn(InterviewRow row, string reason, DateTimeOffset at) => reason == ConsentRevoked
            ? row with { Status = Interview.Withdrawn, ConsentGiven = false, WithdrawnAt = at, UpdatedAt = at, WithdrawalReason = reason, Rows = [], NonSubstantive = 0, Edits = 0 }
            : row with { Status = Interview.Withdrawn, WithdrawnAt = at, UpdatedAt = at, WithdrawalReason = reason };

        /// <summary>The demo interviewer finds open work under "Meine Interviews": their newest interviews are drafts.</summary>
        private void GiveInterviewerOpenDrafts(Random random)
        {
            if (options.InterviewerId is not { } id)
            {
                return;
            }

            var own = Interviews.Select((row, index) => (row, index)).Where(x => x.row.InterviewerId == id).ToList();
            var missing = InterviewerOpenDrafts - own.Count(x => x.row.Status == Interview.Draft && x.row.ConductedOn.DayNumber > _today.DayNumber - 30);
            foreach (var (row, index) in own.Where(x => x.row.Status == Interview.Completed).OrderByDescending(x => x.row.CreatedAt).Take(Math.Max(0, missing)))
            {
                var lastSaved = row.CreatedAt.AddSeconds(random.Next(300, 2_400));
                Interviews[index] = AsDraft(row, lastSaved > now ? now : lastSaved);
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
                var chamber = answers.GetValueOrDefault("a_kammer") is ChoiceAnswer { Codes.Count: 1 } kammer ? kammer.Codes[0] : null;
                var nonSubstantive = answers.Count(a => a.Value is ChoiceAnswer choice && choice.Codes.Any(c => c is "wn" or "ka"));
                pattern = new Pattern(AnswerRowMapping.ToRows(answers), headcount, letter, chamber, nonSubstantive);
                _patterns[key] = pattern;
            }

            return pattern;
        }

        /// <summary>An establishment as the interview describes it: the register's sector, headcount and chamber agree with the answers.</summary>
        private EstablishmentRow NewEstablishment(Faker faker, Random random, string district, Pattern pattern, DateOnly seen)
        {
            var number = Establishments.Count + 1;
            var sector = pattern.SectorLetter is { } letter && sectors.Contains(letter) ? letter : SectorMix.Draw(random, district, sectors);
            var created = new DateTimeOffset(seen.AddDays(-random.Next(30)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return new EstablishmentRow(Guid.CreateVersion7(created), district, $"D{networkId}-{options.Seed % 1000:D3}-{number:D7}", sector, Math.Max(1, pattern.Headcount),
                SectorMix.RegisterChamber(pattern.Chamber), created,
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
                    await WriteNullable(writer, e.Chamber, NpgsqlDbType.Varchar, cancellationToken);
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
                "copy interviews (id, network_id, questionnaire_version_id, respondent_group_code, district_key, establishment_id, interviewer_id, conducted_on, status, consent_given, consent_given_at, consent_text_version, created_at, updated_at, completed_at, withdrawn_at, withdrawal_reason, duration_seconds, edits_after_completion, non_substantive_answers) from stdin (format binary)", cancellationToken))
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
                    await WriteNullable(writer, i.InterviewerId, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(i.ConductedOn, NpgsqlDbType.Date, cancellationToken);
                    await writer.WriteAsync(i.Status, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(i.ConsentGiven, NpgsqlDbType.Boolean, cancellationToken);
                    await WriteNullable(writer, i.ConsentGiven ? i.CreatedAt : (DateTimeOffset?)null, NpgsqlDbType.TimestampTz, cancellationToken);
                    await WriteNullable(writer, i.ConsentGiven ? ConsentVersion : null, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(i.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await writer.WriteAsync(i.UpdatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await WriteNullable(writer, i.CompletedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await WriteNullable(writer, i.WithdrawnAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await WriteNullable(writer, i.WithdrawalReason, NpgsqlDbType.Varchar, cancellationToken);
                    await WriteNullable(writer, i.Duration, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(i.Edits, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(i.NonSubstantive, NpgsqlDbType.Integer, cancellationToken);
                }

                await writer.CompleteAsync(cancellationToken);
            }

            // Targets an admin set before the demo was loaded stay as they are.
            await using (var targets = new NpgsqlCommand(
                "insert into field_targets (network_id, district_key, respondent_group_code, year, quarter, target) "
                + "select @network, d, g, y, q, t from unnest(@districts, @groups, @years, @quarters, @targets) as u(d, g, y, q, t) on conflict do nothing", connection))
            {
                targets.Parameters.AddWithValue("network", networkId);
                targets.Parameters.AddWithValue("districts", Targets.Select(t => t.DistrictKey).ToArray());
                targets.Parameters.AddWithValue("groups", Targets.Select(t => t.Group).ToArray());
                targets.Parameters.AddWithValue("years", Targets.Select(t => t.Quarter.Year).ToArray());
                targets.Parameters.AddWithValue("quarters", Targets.Select(t => t.Quarter.Number).ToArray());
                targets.Parameters.AddWithValue("targets", Targets.Select(t => t.Target).ToArray());
                await targets.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var writer = await connection.BeginBinaryImportAsync(
                "copy answers (interview_id, question, item, position, code, number, text, date) from stdin (format binary)", cancellationToken))
            {
                writer.Timeout = CopyTimeout;
                var written = 0;
                foreach (var i in Interviews)
                {
                    // The rows are written synchronously into the buffer (fastest); Ctrl+C is looked at between interviews.
                    if ((written++ & 1023) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

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

        private static async Task WriteNullable(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type, CancellationToken cancellationToken)
        {
            if (value is null)
            {
                await writer.WriteNullAsync(cancellationToken);
            }
            else
            {
                await writer.WriteAsync(value, type, cancellationToken);
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
