using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Features.Questionnaires;
using Bedarfsanalyse.Web.Features.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.IntegrationTests.Accounts;

public sealed class ApiTokenTests(TestDatabase database) : AppTest(database)
{
    [Fact]
    public async Task A_token_created_in_the_UI_is_shown_once_stored_only_as_a_hash_and_carries_the_owners_role()
    {
        using var session = await App.SignInAsync("steering@example.org");

        var response = await session.SubmitAsync("/konto/tokens", [new("Form.Name", "Auswertungsskript"), new("Form.ValidityDays", "30")], formAction: "Create");
        var token = (await WebSession.ParseAsync(response)).QuerySelector("[data-testid=new-token]")!.TextContent.Trim();

        token.ShouldStartWith("ba_");
        await using var db = CreateDb();
        var stored = await db.ApiTokens.SingleAsync();
        stored.Hash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))));
        stored.Prefix.ShouldBe(token[..10]);
        var row = await db.Database.SqlQuery<string>($"select t::text as \"Value\" from api_tokens t").SingleAsync();
        row.ShouldNotContain(token[10..]);
        using var api = App.ApiClient(token);
        var me = await api.GetStringAsync("/api/v1/me");
        me.ShouldContain("\"roles\":[\"Steering\"]");
        (await api.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (_, page) = await session.GetPageAsync("/konto/tokens");
        page.QuerySelector("main table")!.TextContent.ShouldNotContain(token);
    }

    [Fact]
    public async Task A_revoked_token_is_refused()
    {
        using var session = await App.SignInAsync("analyst@example.org");
        var response = await session.SubmitAsync("/konto/tokens", [new("Form.Name", "Skript"), new("Form.ValidityDays", "90")], formAction: "Create");
        var token = (await WebSession.ParseAsync(response)).QuerySelector("[data-testid=new-token]")!.TextContent.Trim();
        using var api = App.ApiClient(token);
        (await api.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await session.SubmitAsync("/konto/tokens", [], formAction: "Revoke");

        var refused = await api.GetAsync("/api/v1/me");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Nicht angemeldet");
        await using var db = CreateDb();
        (await db.AuditEvents.CountAsync(e => e.Action == "token-revoked")).ShouldBe(1);
    }

    [Fact]
    public async Task A_token_used_a_moment_ago_is_refused_at_once_when_an_admin_locks_its_owner_and_follows_a_change_of_districts()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NetworkQuestionnaireSetup>().EnsurePublishedAsync(CancellationToken.None);
        }

        using var api = await App.ApiClientAsync(InterviewerId);
        (await CreateInterviewAsync(api, Holzminden)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await CreateInterviewAsync(api, HamelnPyrmont)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await UpdateInterviewerAsync(locked: false, Holzminden, HamelnPyrmont);
        (await CreateInterviewAsync(api, HamelnPyrmont)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await UpdateInterviewerAsync(locked: true, Holzminden);
        (await api.GetAsync("/api/v1/interviews")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static Task<HttpResponseMessage> CreateInterviewAsync(HttpClient api, string district) =>
        api.PostAsJsonAsync("/api/v1/interviews", new
        {
            id = Guid.NewGuid(), questionnaire = "arbeitgeber", respondentGroup = "establishment", district, answers = new Dictionary<string, object>(),
        });

    private async Task UpdateInterviewerAsync(bool locked, params string[] districts)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<UpdateUser>().ExecuteAsync(
            InterviewerId, new UserInput("interviewer@example.org", "interviewer", [Roles.Interviewer], Network, districts), locked, AdminId);
        outcome.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        using var api = await App.ApiClientAsync(AnalystId);
        await using (var db = CreateDb())
        {
            await db.ApiTokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        (await api.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_made_up_token_and_the_token_of_a_locked_account_are_refused()
    {
        using var madeUp = App.ApiClient("ba_" + new string('x', 43));
        using var api = await App.ApiClientAsync(AnalystId);
        await using (var db = CreateDb())
        {
            await db.Users.Where(u => u.Id == AnalystId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue));
        }

        (await madeUp.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await api.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_without_a_name_is_not_created()
    {
        using var session = await App.SignInAsync("analyst@example.org");

        var response = await session.SubmitAsync("/konto/tokens", [new("Form.Name", " "), new("Form.ValidityDays", "90")], formAction: "Create");

        (await WebSession.ParseAsync(response)).QuerySelector("[data-valmsg-for='Form.Name']")!.TextContent.ShouldContain("Bitte geben Sie dem Token einen Namen");
        await using var db = CreateDb();
        (await db.ApiTokens.CountAsync()).ShouldBe(0);
    }
}
