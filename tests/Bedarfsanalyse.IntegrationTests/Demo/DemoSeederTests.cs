using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;
using Bedarfsanalyse.Core.Questionnaires.Json;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Data.Networks;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Commands;
using Bedarfsanalyse.Web.Commands.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bedarfsanalyse.IntegrationTests.Demo;

public sealed class DemoSeederTests(TestDatabase database) : DatabaseTest(database)
{
    private const string Cloppenburg = "03453";
    private const string Vechta = "03460";

    private static async Task<DemoSeedResult> SeedAsync(TestApp app, DemoOptions options)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(options, TextWriter.Null, CancellationToken.None);
    }

    private static Task<DemoSeedResult> SeedAsync(TestApp app, int interviews, string network = AppTest.Network) =>
        SeedAsync(app, new DemoOptions(NetworkKey: network, Interviews: interviews));

    [Fact]
    public async Task A_seeded_network_has_the_requested_interviews_with_drafts_withdrawals_and_consent()
    {
        await using var app = await TestApp.StartAsync(Database.ConnectionString);
        var result = await SeedAsync(app, 600);

        await using var db = CreateDb();
        var interviews = await db.Interviews.Where(i => i.Network!.Key == AppTest.Network).ToListAsync();
        interviews.Count.ShouldBe(600);
        result.Interviews.ShouldBe(600);
        (await db.Answers.CountAsync()).ShouldBe((int)result.Answers);
        interviews.Select(i => i.DistrictKey).Distinct().Count().ShouldBe(7);
        interviews.ShouldContain(i => i.Status == Interview.Draft);
        interviews.ShouldContain(i => i.Status == Interview.Withdrawn);
        interviews.Where(i => i.Status == Interview.Completed).ShouldAllBe(i => i.ConsentGiven && i.ConsentTextVersion == DemoSeeder.ConsentVersion && i.DurationSeconds > 0);
        interviews.Select(i => i.ConductedOn.Year * 4 + (i.ConductedOn.Month - 1) / 3).Distinct().Count().ShouldBe(8);
        var establishments = await db.Establishments.Include(e => e.Contact).ToListAsync();
        establishments.ShouldAllBe(e => e.Contact != null);
        establishments.Count(e => e.Headcount < 50).ShouldBeGreaterThan(establishments.Count(e => e.Headcount >= 250) * 5);
    }

    [Fact]
    public async Task A_withdrawal_for_revoked_consent_keeps_neither_the_consent_nor_the_answers()
    {
        await using var app = await TestApp.StartAsync(Database.ConnectionString);
        await SeedAsync(app, 2_000);

        await using var db = CreateDb();
        var withdrawn = await db.Interviews.Where(i => i.Status == Interview.Withdrawn)
            .Select(i => new { i.WithdrawalReason, i.ConsentGiven, i.ConsentGivenAt, i.WithdrawnAt, Answers = i.Answers.Count })
            .ToListAsync();
        var revoked = withdrawn.Where(w => w.WithdrawalReason == DemoSeeder.ConsentRevoked).ToList();
        revoked.ShouldNotBeEmpty();
        revoked.ShouldAllBe(w => !w.ConsentGiven && w.ConsentGivenAt == null && w.Answers == 0 && w.WithdrawnAt != null);
        withdrawn.ShouldAllBe(w => w.WithdrawalReason == DemoSeeder.ConsentRevoked || w.WithdrawalReason == DemoSeeder.Duplicate);
        withdrawn.Where(w => w.WithdrawalReason == DemoSeeder.Duplicate).ShouldAllBe(w => w.ConsentGiven && w.Answers > 0);
    }

    [Fact]
    public async Task Every_completed_interview_is_valid_by_the_questionnaire_engine()
    {
        await using var app = await TestApp.StartAsync(Database.ConnectionString);
        await SeedAsync(app, 300);

        await using var db = CreateDb();
        var versions = await db.QuestionnaireVersions.ToDictionaryAsync(v => v.Id, v => CompiledQuestionnaire.Compile(QuestionnaireJson.Deserialize(v.Definition)));
        var completed = await db.Interviews.Where(i => i.Status == Interview.Completed).Include(i => i.Answers).ToListAsync();
        completed.Count.ShouldBeGreaterThan(250);
        foreach (var interview in completed)
        {
            var answers = AnswerRowMapping.FromRows(interview.Answers.Select(a => new AnswerRow(a.Question, a.Item, a.Position, a.Code, a.Number, a.Text, a.Date)));
            var result = versions[interview.QuestionnaireVersionId].Validate(answers, ValidationMode.Complete, DateOnly.FromDateTime(DateTime.Today));
            result.Errors.ShouldBeEmpty($"Interview {interview.Id}");
        }
    }

    [Fact]
    public async Task The_S_demo_holds_what_an_analyst_should_find_rising_digitalisation_cost_for_the_smallest_firms_distance_in_Cloppenburg_and_Vechta_and_growing_field_work()
    {
        await using var app = await TestApp.StartAsync(Database.ConnectionString);
        await SeedAsync(app, new DemoOptions());

        await using var db = CreateDb();
        var digitalisation = await db.Database.SqlQueryRaw<decimal>("""
            select avg(case when a.code = '4' then 1.0 else 0.0 end) as "Value"
            from interviews i join answers a on a.interview_id = i.id and a.question = 'c_digitalisierung'
            where i.status = 'completed'
            group by i.conducted_on >= (select min(conducted_on) + interval '12 months' from interviews)
            order by i.conducted_on >= (select min(conducted_on) + interval '12 months' from interviews)
            """).ToListAsync();
        digitalisation.Count.ShouldBe(2);
        digitalisation[1].ShouldBeGreaterThan(digitalisation[0] + 0.1m, "Zustimmung „Digitalisierung verändert die Anforderungen“ im zweiten gegen das erste Jahr");

        // The main barrier: the one named as such, or the only one named.
        var cost = await db.Database.SqlQueryRaw<Shares>("""
            with employer as (
                select (select a.number from answers a where a.interview_id = i.id and a.question = 'a_beschaeftigte') as headcount,
                       coalesce((select a.code from answers a where a.interview_id = i.id and a.question = 'd_haupthemmnis'),
                                (select min(a.code) from answers a where a.interview_id = i.id and a.question = 'd_hemmnisse' having count(*) = 1)) as main
                from interviews i
                where i.status = 'completed' and i.respondent_group_code = 'establishment')
            select avg(case when main = 'kosten' then 1.0 else 0.0 end) filter (where headcount < 10) as selected,
                   avg(case when main = 'kosten' then 1.0 else 0.0 end) filter (where headcount >= 10) as others
            from employer
            """).SingleAsync();
        cost.Selected.ShouldBeGreaterThan(cost.Others * 1.5m, "Kosten als Haupthemmnis: Betriebe mit 1–9 Beschäftigten gegen größere");

        var distance = await db.Database.SqlQueryRaw<Shares>($"""
            select avg(named) filter (where district_key in ('{Cloppenburg}', '{Vechta}')) as selected,
                   avg(named) filter (where district_key not in ('{Cloppenburg}', '{Vechta}')) as others
            from (select i.district_key,
                         case when exists (select 1 from answers a where a.interview_id = i.id and a.question = 'd_hemmnisse' and a.code = 'entfernung') then 1.0 else 0.0 end as named
                  from interviews i
                  where i.status = 'completed' and i.respondent_group_code = 'establishment') e
            """).SingleAsync();
        distance.Selected.ShouldBeGreaterThan(distance.Others * 1.5m, "Entfernung als Hemmnis: Cloppenburg und Vechta gegen die übrigen Kreise");

        var perQuarter = await db.Database.SqlQueryRaw<int>("""
            select count(*)::int as "Value" from interviews
            group by date_trunc('quarter', conducted_on) order by date_trunc('quarter', conducted_on)
            """).ToListAsync();
        perQuarter.Count.ShouldBe(8);
        for (var q = 2; q < perQuarter.Count; q++)
        {
            perQuarter[q].ShouldBeGreaterThan(perQuarter[q - 2], $"Interviews je Quartal: {string.Join(", ", perQuarter)}");
        }

        perQuarter.Skip(4).Sum().ShouldBeGreaterThan(perQuarter.Take(4).Sum() * 3 / 2);
    }

    [Fact]
    public async Task Establishments_have_a_rural_sector_mix_and_the_register_agrees_with_the_interview_on_sector_and_chamber()
    {
        await using var app = await TestApp.StartAsync(Database.ConnectionString);
        await SeedAsync(app, new DemoOptions());

        await using var db = CreateDb();
        var bySector = await db.Establishments.GroupBy(e => e.SectorCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        bySector.Count.ShouldBeGreaterThanOrEqualTo(18, string.Join(", ", bySector));
        bySector.Keys.ShouldContain("P");
        bySector.Keys.ShouldContain("R");
        bySector.Keys.ShouldContain("S");
        var rare = new[] { "B", "P", "R", "S", "T", "U" }.Max(s => bySector.GetValueOrDefault(s));
        foreach (var common in new[] { "C", "F", "G", "Q" })
        {
            bySector[common].ShouldBeGreaterThan(rare, $"{common} gegen die seltenen Abschnitte: {string.Join(", ", bySector)}");
        }

        var disagreements = await db.Database.SqlQueryRaw<int>("""
            select count(*)::int as "Value"
            from interviews i
            join establishments e on e.id = i.establishment_id
            left join answers kammer on kammer.interview_id = i.id and kammer.question = 'a_kammer'
            left join answers wz on wz.interview_id = i.id and wz.question = 'a_wz'
            where i.status = 'completed'
              and (e.sector_code is distinct from wz.code
                   or e.chamber is distinct from case when kammer.code in ('hwk', 'ihk', 'beide', 'keine') then kammer.code end)
            """).SingleAsync();
        disagreements.ShouldBe(0);
        (await db.Establishments.CountAsync(e => e.Chamber == "hwk")).ShouldBeGreaterThan(0);
        (await db.Establishments.CountAsync(e => e.Chamber == "ihk")).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_answers_and_another_seed_other_ones()
    {
        await using var app = await TestApp.StartAsync(Database.ConnectionString);
        await SeedAsync(app, new DemoOptions(Seed: 7, Interviews: 300));
        var first = await AnswerSignaturesAsync();

        await Database.ResetAsync();
        await SeedAsync(app, new DemoOptions(Seed: 7, Interviews: 300));
        var again = await AnswerSignaturesAsync();

        await Database.ResetAsync();
        await SeedAsync(app, new DemoOptions(Seed: 8, Interviews: 300));
        var other = await AnswerSignaturesAsync();

        first.Count.ShouldBe(300);
        again.ShouldBe(first);
        other.ShouldNotBe(first);
    }

    /// <summary>Each interview as text without its generated id and times: district, group, status, date and every answer value.</summary>
    private async Task<List<string>> AnswerSignaturesAsync()
    {
        await using var db = CreateDb();
        var signatures = await db.Database.SqlQueryRaw<string>("""
            select i.district_key || '|' || i.respondent_group_code || '|' || i.status || '|' || i.conducted_on || '|' || coalesce(e.sector_code, '') || '|'
                   || coalesce(string_agg(a.question || '/' || a.item || '/' || a.position || '=' || coalesce(a.code, a.number::text, a.text, a.date::text), ';'
                                          order by a.question, a.item, a.position), '') as "Value"
            from interviews i
            left join establishments e on e.id = i.establishment_id
            left join answers a on a.interview_id = i.id
            group by i.id, e.sector_code
            """).ToListAsync();
        signatures.Sort(StringComparer.Ordinal);
        return signatures;
    }

    [Fact]
    public async Task The_demo_plans_field_targets_per_district_group_and_quarter_some_met_some_missed_and_keeps_a_target_set_before()
    {
        await using var app = await TestApp.StartAsync(Database.ConnectionString);
        var (first, last) = DemoSeeder.Quarters(app.Services.GetRequiredService<TimeProvider>());
        int networkId;
        await using (var setup = CreateDb())
        {
            networkId = await setup.Networks.Where(n => n.Key == AppTest.Network).Select(n => n.Id).SingleAsync();
            setup.FieldTargets.Add(new FieldTarget { NetworkId = networkId, DistrictKey = AppTest.Holzminden, RespondentGroupCode = RespondentGroups.Establishment, Year = last.Year, Quarter = last.Number, Target = 999 });
            await setup.SaveChangesAsync();
        }

        await SeedAsync(app, 2_000);

        await using var db = CreateDb();
        var targets = await db.FieldTargets.Where(t => t.NetworkId == networkId).ToListAsync();
        targets.Count.ShouldBe(7 * 4 * 8, "7 Kreise × 4 Gruppen mit Soll × 8 Quartale");
        targets.ShouldNotContain(t => t.RespondentGroupCode == RespondentGroups.Apprentices);
        targets.Single(t => t.DistrictKey == AppTest.Holzminden && t.RespondentGroupCode == RespondentGroups.Establishment && t.Year == last.Year && t.Quarter == last.Number)
            .Target.ShouldBe(999);
        targets.Select(t => new Quarter(t.Year, t.Quarter)).Distinct().Order().ShouldBe(Enumerable.Range(0, 8).Select(first.AddQuarters));

        // The closed quarters: what was completed against what was planned, per district, group and quarter.
        var completed = (await db.Interviews.Where(i => i.Network!.Key == AppTest.Network && i.Status == Interview.Completed)
                .Select(i => new { i.DistrictKey, i.RespondentGroupCode, i.ConductedOn }).ToListAsync())
            .CountBy(i => (i.DistrictKey, i.RespondentGroupCode, Quarter.Of(i.ConductedOn)))
            .ToDictionary(c => c.Key, c => c.Value);
        var closed = targets.Where(t => new Quarter(t.Year, t.Quarter) != last)
            .Select(t => (t.Target, Ist: completed.GetValueOrDefault((t.DistrictKey, t.RespondentGroupCode, new Quarter(t.Year, t.Quarter)))))
            .ToList();
        var achieved = (double)closed.Sum(c => c.Ist) / closed.Sum(c => c.Target);
        achieved.ShouldBeInRange(0.75, 1.05);
        closed.ShouldContain(c => c.Ist < c.Target);
        closed.ShouldContain(c => c.Ist >= c.Target);
    }

    [Fact]
    public async Task L_goes_into_a_network_of_all_45_districts_of_Lower_Saxony()
    {
        await using var app = await TestApp.StartAsync(Database.ConnectionString);
        var result = await SeedAsync(app, new DemoOptions(DemoSize.L, Interviews: 400));

        result.NetworkKey.ShouldBe("niedersachsen");
        result.Districts.ShouldBe(45);
        await using var db = CreateDb();
        var network = await db.Networks.Include(n => n.Districts).SingleAsync(n => n.Key == "niedersachsen");
        network.Name.ShouldBe("Alle Landkreise und kreisfreien Städte Niedersachsens");
        network.Districts.Count.ShouldBe(45);
        var members = network.Districts.Select(d => d.DistrictKey).ToHashSet();
        var used = await db.Interviews.Where(i => i.NetworkId == network.Id).Select(i => i.DistrictKey).Distinct().ToListAsync();
        used.Count.ShouldBeGreaterThan(40);
        used.ShouldAllBe(d => members.Contains(d));
        (await db.Interviews.CountAsync(i => i.Network!.Key == AppTest.Network)).ShouldBe(0);
    }

    [Fact]
    public async Task A_district_outside_the_network_is_refused_with_a_German_message_and_nothing_is_stored()
    {
        await using var app = await TestApp.StartAsync(Database.ConnectionString);

        var error = await Should.ThrowAsync<CommandFailedException>(() => SeedAsync(app, new DemoOptions(NetworkKey: AppTest.Network, Districts: ["03255", "03101"], Interviews: 50)));

        error.Message.ShouldStartWith("--districts: 03101 gehört nicht zum Verbund „Weiterbildungsverbund MehrWert“ (mehrwert); dessen Kreise sind 03251, 03252,");
        await using var db = CreateDb();
        (await db.Interviews.CountAsync()).ShouldBe(0);
        (await db.Establishments.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Seeding_a_network_twice_is_refused_with_a_German_message()
    {
        await using var app = await TestApp.StartAsync(Database.ConnectionString);
        await SeedAsync(app, 50);

        var error = await Should.ThrowAsync<CommandFailedException>(() => SeedAsync(app, 50));
        error.Message.ShouldContain("enthält bereits Interviews");
        await using var db = CreateDb();
        (await db.Interviews.CountAsync()).ShouldBe(50);
    }

    private sealed class Shares
    {
        public decimal Selected { get; set; }

        public decimal Others { get; set; }
    }
}
