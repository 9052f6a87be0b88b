using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Commands.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bedarfsanalyse.IntegrationTests.Demo;

/// <summary>The newcomer's first start on an empty database: demo data and one account per role.</summary>
public sealed class DemoStartTests(TestDatabase database) : DatabaseTest(database)
{
    private static async Task<(DemoSeedResult Data, IReadOnlyList<DemoAccount> Accounts)?> RunAsync(TestApp app, DemoOptions options, TextWriter? progress = null, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoStart>().RunIfEmptyAsync(options, progress ?? TextWriter.Null, cancellationToken);
    }

    [Fact]
    public async Task The_demo_start_creates_one_account_per_role_that_can_sign_in_and_runs_only_once()
    {
        await using var app = await TestApp.StartAsync(Database.ConnectionString);
        var loaded = await RunAsync(app, new DemoOptions(Interviews: 100));

        loaded.ShouldNotBeNull();
        var accounts = loaded.Value.Accounts;
        accounts.Select(a => a.Role).ShouldBe(["Interviewer", "Steering", "Analyst", "Admin"]);
        foreach (var account in accounts)
        {
            using var session = await app.SignInAsync(account.Email, account.Password);
        }

        (await RunAsync(app, new DemoOptions(Interviews: 100))).ShouldBeNull();
        await using var db = CreateDb();
        (await db.Interviews.CountAsync()).ShouldBe(100);
        (await db.UserDistricts.CountAsync()).ShouldBe(7);
    }

    [Fact]
    public async Task The_demo_interviewer_finds_a_share_of_the_interviews_with_open_drafts_under_Meine_Interviews()
    {
        await using var app = await TestApp.StartAsync(Database.ConnectionString);
        var loaded = await RunAsync(app, new DemoOptions());
        var interviewer = loaded!.Value.Accounts.Single(a => a.Role == "Interviewer");

        await using (var db = CreateDb())
        {
            var id = await db.Users.Where(u => u.Email == interviewer.Email).Select(u => u.Id).SingleAsync();
            var own = await db.Interviews.Where(i => i.InterviewerId == id).ToListAsync();
            own.Count.ShouldBeInRange(160, 360, "etwa ein Achtel der 2.000 Interviews");
            var drafts = own.Where(i => i.Status == Interview.Draft).ToList();
            drafts.Count.ShouldBeGreaterThanOrEqualTo(3);
            drafts.ShouldAllBe(d => d.UpdatedAt > d.CreatedAt && d.UpdatedAt <= DateTimeOffset.UtcNow);
            drafts.Max(d => d.ConductedOn).ShouldBeGreaterThan(DateOnly.FromDateTime(DateTime.Today).AddDays(-31));
        }

        using var session = await app.SignInAsync(interviewer.Email, interviewer.Password);
        var (_, page) = await session.GetPageAsync("/interviews");
        var tables = page.QuerySelectorAll("main table").ToList();
        tables.Count.ShouldBe(2, page.Body!.TextContent);
        var draftRows = tables[0].QuerySelectorAll("tbody tr").ToList();
        draftRows.Count.ShouldBeGreaterThanOrEqualTo(3);
        draftRows.ShouldAllBe(r => r.TextContent.Contains("Uhr") && r.TextContent.Contains("Fortsetzen"));
        tables[1].QuerySelectorAll("tbody tr").Count().ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task A_demo_start_stopped_half_way_leaves_the_database_empty_and_the_next_start_completes_it()
    {
        await using var app = await TestApp.StartAsync(Database.ConnectionString);
        using var stop = new CancellationTokenSource();

        // Stopped once the data are generated, i.e. after the accounts were made and before the data are stored.
        var stopped = false;
        try
        {
            await RunAsync(app, new DemoOptions(Interviews: 200), new StopOnFirstLine(stop), stop.Token);
        }
        catch (OperationCanceledException)
        {
            stopped = true;
        }

        stopped.ShouldBeTrue();
        await using (var db = CreateDb())
        {
            (await db.Users.CountAsync()).ShouldBe(0);
            (await db.Interviews.CountAsync()).ShouldBe(0);
            (await db.Establishments.CountAsync()).ShouldBe(0);
        }

        var loaded = await RunAsync(app, new DemoOptions(Interviews: 200));

        loaded.ShouldNotBeNull();
        loaded.Value.Accounts.Count.ShouldBe(4);
        await using (var db = CreateDb())
        {
            (await db.Users.CountAsync()).ShouldBe(4);
            (await db.Interviews.CountAsync()).ShouldBe(200);
        }
    }

    /// <summary>Cancels as soon as the demo start reports progress (the seeder's "Erzeugt: …" line).</summary>
    private sealed class StopOnFirstLine(CancellationTokenSource stop) : StringWriter
    {
        public override Task WriteLineAsync(string? value)
        {
            stop.Cancel();
            return base.WriteLineAsync(value);
        }
    }
}
