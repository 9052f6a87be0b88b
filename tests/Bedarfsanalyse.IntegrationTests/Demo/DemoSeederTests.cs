using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;
using Bedarfsanalyse.Core.Questionnaires.Json;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Commands;
using Bedarfsanalyse.Web.Commands.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bedarfsanalyse.IntegrationTests.Demo;

public sealed class DemoSeederTests(TestDatabase database) : DatabaseTest(database)
{
    private async Task<DemoSeedResult> SeedAsync(TestApp app, int interviews, string network = AppTest.Network)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoSeeder>()
            .SeedAsync(new DemoOptions(NetworkKey: network, Interviews: interviews), TextWriter.Null, CancellationToken.None);
    }

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
    public async Task Digitalisation_agreement_rises_from_the_first_to_the_last_year()
    {
        await using var app = await TestApp.StartAsync(Database.ConnectionString);
        await SeedAsync(app, 2_000);

        await using var db = CreateDb();
        var shares = await db.Database.SqlQueryRaw<decimal>("""
            select avg(case when a.code = '4' then 1.0 else 0.0 end) as "Value"
            from interviews i join answers a on a.interview_id = i.id and a.question = 'c_digitalisierung'
            where i.status = 'completed'
            group by i.conducted_on >= (select min(conducted_on) + interval '12 months' from interviews)
            order by i.conducted_on >= (select min(conducted_on) + interval '12 months' from interviews)
            """).ToListAsync();
        shares.Count.ShouldBe(2);
        shares[1].ShouldBeGreaterThan(shares[0] + 0.1m);
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

    [Fact]
    public async Task The_demo_start_creates_one_account_per_role_that_can_sign_in_and_runs_only_once()
    {
        await using var app = await TestApp.StartAsync(Database.ConnectionString);
        IReadOnlyList<DemoAccount> accounts;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var loaded = await scope.ServiceProvider.GetRequiredService<DemoStart>().RunIfEmptyAsync(new DemoOptions(Interviews: 100), TextWriter.Null, CancellationToken.None);
            loaded.ShouldNotBeNull();
            accounts = loaded.Value.Accounts;
        }

        accounts.Select(a => a.Role).ShouldBe(["Interviewer", "Steering", "Analyst", "Admin"]);
        foreach (var account in accounts)
        {
            using var session = await app.SignInAsync(account.Email, account.Password);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<DemoStart>().RunIfEmptyAsync(new DemoOptions(Interviews: 100), TextWriter.Null, CancellationToken.None)).ShouldBeNull();
        }

        await using var db = CreateDb();
        (await db.Interviews.CountAsync()).ShouldBe(100);
        (await db.UserDistricts.CountAsync()).ShouldBe(7);
    }
}
