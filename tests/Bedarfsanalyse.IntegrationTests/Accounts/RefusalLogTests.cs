using System.Net;
using System.Text.Json;
using Bedarfsanalyse.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.IntegrationTests.Accounts;

/// <summary>Requests refused for credentials that do not hold are recorded, and a flood of them is counted rather than written out.</summary>
public sealed class RefusalLogTests(TestDatabase database) : AppTest(database)
{
    private const int WindowSeconds = 3;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:Refusals:WindowSeconds"] = WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Security:Refusals:PerWindow"] = "5",
    };

    [Fact]
    public async Task A_revoked_an_expired_and_a_made_up_token_are_refused_and_each_recorded_with_its_reason_and_owner()
    {
        using var revoked = await App.ApiClientAsync(AnalystId);
        using var expired = await App.ApiClientAsync(SteeringId);
        using var madeUp = App.ApiClient("ba_erfunden" + new string('x', 32));
        using var malformed = App.ApiClient("kein-token");
        await using (var db = CreateDb())
        {
            await db.ApiTokens.Where(t => t.UserId == AnalystId).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTimeOffset.UtcNow));
            await db.ApiTokens.Where(t => t.UserId == SteeringId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        var responses = new[]
        {
            await revoked.GetAsync("/api/v1/me"), await expired.GetAsync("/api/v1/networks"),
            await madeUp.GetAsync("/api/v1/me"), await malformed.GetAsync("/api/v1/me"),
        };

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Unauthorized);
        await using var check = CreateDb();
        var refused = await check.AuditEvents.Where(e => e.Action == "request-refused").OrderBy(e => e.Id).ToListAsync();
        refused.Select(e => Reason(e.Details)).ShouldBe(["token-revoked", "token-expired", "token-unknown", "token-malformed"]);
        refused[0].ActorId.ShouldBe(AnalystId);
        refused[0].ActorName.ShouldBe("analyst@example.org");
        refused[1].ActorName.ShouldBe("steering@example.org");
        refused[1].SubjectId.ShouldBe("GET /api/v1/networks");
        refused[2].ActorName.ShouldBeNull();
        refused[2].Details!.ShouldContain("ba_erfunde");
        refused.ShouldAllBe(e => e.SubjectType == "request");
    }

    [Fact]
    public async Task A_flood_of_made_up_tokens_from_one_address_is_recorded_once_per_window_and_the_repeats_are_counted()
    {
        using var madeUp = App.ApiClient("ba_" + new string('y', 43));
        (await madeUp.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        for (var i = 0; i < 30; i++)
        {
            (await madeUp.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        int recordedDuringFlood;
        await using (var db = CreateDb())
        {
            recordedDuringFlood = await db.AuditEvents.CountAsync(e => e.Action == "request-refused");
        }

        await Task.Delay(TimeSpan.FromSeconds(WindowSeconds + 0.5));
        (await madeUp.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        recordedDuringFlood.ShouldBe(1);
        await using var check = CreateDb();
        var refused = await check.AuditEvents.Where(e => e.Action == "request-refused").OrderBy(e => e.Id).ToListAsync();
        refused.Count.ShouldBe(2);
        using var details = JsonDocument.Parse(refused[1].Details!);
        details.RootElement.GetProperty("repeatsBefore").GetInt32().ShouldBe(30);
    }

    [Fact]
    public async Task Refusals_from_many_sources_are_recorded_up_to_the_limit_per_window_and_the_rest_reported_as_a_count()
    {
        var clients = new List<HttpClient>();
        for (var i = 0; i < 8; i++)
        {
            clients.Add(await App.ApiClientAsync(AnalystId));
        }

        await using (var db = CreateDb())
        {
            await db.ApiTokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTimeOffset.UtcNow));
        }

        foreach (var client in clients)
        {
            (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        int recordedInWindow;
        await using (var db = CreateDb())
        {
            recordedInWindow = await db.AuditEvents.CountAsync(e => e.Action == "request-refused");
        }

        await Task.Delay(TimeSpan.FromSeconds(WindowSeconds + 0.5));
        (await clients[0].GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        recordedInWindow.ShouldBe(5);
        await using var check = CreateDb();
        var summary = await check.AuditEvents.SingleAsync(e => e.Action == "request-refused" && e.SubjectId == null);
        using var details = JsonDocument.Parse(summary.Details!);
        details.RootElement.GetProperty("reason").GetString().ShouldBe("many");
        details.RootElement.GetProperty("count").GetInt32().ShouldBe(3);
        clients.ForEach(c => c.Dispose());
    }

    private static string? Reason(string? details) =>
        details is null ? null : JsonDocument.Parse(details).RootElement.GetProperty("reason").GetString();
}
