using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Features.Questionnaires;
using Microsoft.Extensions.DependencyInjection;

namespace Bedarfsanalyse.IntegrationTests.Interviews;

/// <summary>An app with the network's questionnaires published and an API client of the Holzminden interviewer.</summary>
public abstract class InterviewApiTest(TestDatabase database) : AppTest(database)
{
    protected HttpClient Api { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NetworkQuestionnaireSetup>().EnsurePublishedAsync(CancellationToken.None);
        }

        Api = await App.ApiClientAsync(InterviewerId);
    }

    public override async Task DisposeAsync()
    {
        Api.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>Every required answer of the employer questionnaire on the shortest path ("nein" where a branch opens).</summary>
    public static Dictionary<string, object> CompleteEmployerAnswers() => new()
    {
        ["a_kreis"] = Holzminden,
        ["a_wz"] = "C",
        ["a_kammer"] = "ihk",
        ["a_rolle"] = "inhaber",
        ["a_beschaeftigte"] = 42,
        ["a_azubis"] = 3,
        ["a_unter25"] = 5,
        ["a_ab55"] = 10,
        ["b_gefoerdert"] = "nein",
        ["b_bildet_aus"] = "nein",
        ["c_bedarf"] = "nein",
        ["d_hemmnisse"] = new[] { "zeit", "kosten" },
        ["d_haupthemmnis"] = "zeit",
        ["e_formate"] = new[] { "inhouse" },
        ["f_offene_stellen"] = "nein",
        ["f_interesse"] = "wn",
        ["f_kontakt"] = "nein",
    };

    protected static object Consent => new { given = true, textVersion = "2026-1" };

    protected async Task<HttpResponseMessage> CreateAsync(Guid id, object? answers = null, string district = Holzminden, HttpClient? client = null) =>
        await (client ?? Api).PostAsJsonAsync("/api/v1/interviews", new
        {
            id,
            questionnaire = "arbeitgeber",
            respondentGroup = "establishment",
            district,
            answers = answers ?? new Dictionary<string, object>(),
        });

    protected static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    protected async Task<JsonObject> CreatedAsync(Guid id, object? answers = null)
    {
        var response = await CreateAsync(id, answers);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await JsonAsync(response);
    }

    protected Task<HttpResponseMessage> SaveAsync(Guid id, uint version, object answers, object? consent = null) =>
        Api.PutAsJsonAsync($"/api/v1/interviews/{id}/answers", new { version, consent, answers });

    protected Task<HttpResponseMessage> CompleteAsync(Guid id, uint version, object? consent, object? answers = null) =>
        Api.PostAsJsonAsync($"/api/v1/interviews/{id}/complete", new { version, consent, answers });

    protected static uint VersionOf(JsonObject interview) => interview["version"]!.GetValue<uint>();

    protected static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
