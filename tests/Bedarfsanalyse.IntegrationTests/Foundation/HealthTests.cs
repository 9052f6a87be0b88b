using System.Net;
using Bedarfsanalyse.Testing;

namespace Bedarfsanalyse.IntegrationTests.Foundation;

public sealed class HealthTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task Health_answers_200_when_the_database_is_migrated()
    {
        await using var app = await TestApp.StartAsync(Database.ConnectionString);

        var response = await app.Client.GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("alle Migrationen angewandt");
    }

    [Fact]
    public async Task Health_answers_503_and_names_the_missing_migrations_on_an_unmigrated_database()
    {
        var empty = await Database.CreateEmptyDatabaseAsync("bedarfsanalyse_tests_unmigrated");
        await using var app = await TestApp.StartAsync(empty);

        var response = await app.Client.GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Ausstehende Migrationen");
    }

    [Fact]
    public async Task Health_answers_503_when_the_database_is_unreachable()
    {
        await using var app = await TestApp.StartAsync("Host=127.0.0.1;Port=1;Database=none;Username=nobody;Timeout=2");

        var response = await app.Client.GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldContain("nicht erreichbar");
    }
}
