using System.Globalization;
using System.Net;
using System.Text;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Core.Questionnaires.Tabular;
using Bedarfsanalyse.IntegrationTests.Interviews;
using Bedarfsanalyse.Reports.Export;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Features.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bedarfsanalyse.IntegrationTests.Exports;

/// <summary>The export's CSV is the import's input: exported, deleted, imported and exported again, it is the same file.</summary>
public sealed class ExportImportRoundTripTests(TestDatabase database) : InterviewApiTest(database)
{
    private static readonly Quarter Q4 = new(2026, 4);

    private async Task<string> ExportCsvAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var planned = await scope.ServiceProvider.GetRequiredService<NetworkExport>().PlanAsync(Network, Q4, Q4, null, CancellationToken.None);
        using var output = new MemoryStream();
        await DataCsvWriter.WriteAsync(planned.Workbook.DataSets.Single(d => d.Key == NetworkQuestionnaires.EmployerKey), output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private Task<HttpResponseMessage> ImportAsync(string csv)
    {
        var form = new MultipartFormDataContent { { new StringContent(csv, Encoding.UTF8, "text/csv"), "file", "interviews.csv" } };
        return Api.PostAsync("/api/v1/interviews/import?questionnaire=arbeitgeber&dryRun=false", form);
    }

    [Fact]
    public async Task An_exported_CSV_imports_again_and_exports_to_the_same_file()
    {
        var layout = FlatLayout.For(NetworkQuestionnaires.Employer, 1);
        var answers = new Dictionary<string, AnswerValue>
        {
            ["a_kreis"] = AnswerValue.Choice(Holzminden), ["a_wz"] = AnswerValue.Choice("C"), ["a_kammer"] = AnswerValue.Choice("ihk"),
            ["a_rolle"] = AnswerValue.Choice("inhaber"), ["a_beschaeftigte"] = AnswerValue.Number(42), ["a_azubis"] = AnswerValue.Number(3),
            ["a_unter25"] = AnswerValue.Number(5), ["a_ab55"] = AnswerValue.Number(10), ["b_gefoerdert"] = AnswerValue.Choice("nein"),
            ["b_bildet_aus"] = AnswerValue.Choice("nein"), ["c_bedarf"] = AnswerValue.Choice("wn"), ["d_hemmnisse"] = AnswerValue.Choice("zeit", "kosten"), ["d_haupthemmnis"] = AnswerValue.Choice("kosten"),
            ["e_formate"] = AnswerValue.Choice("inhouse"), ["f_offene_stellen"] = AnswerValue.Choice("nein"), ["f_interesse"] = AnswerValue.Choice("eher"),
            ["f_kontakt"] = AnswerValue.Choice("nein"),
        };
        var first = new StringBuilder();
        first.AppendLine(string.Join(';', new[] { "interview_id", "kreis", "befragtengruppe", "datum", "einwilligung" }.Concat(layout.Columns.Select(c => c.Name))));
        foreach (var id in new[] { Guid.NewGuid(), Guid.NewGuid() })
        {
            var cells = layout.Cells(answers).Select(c => c switch { null => "", IFormattable f => f.ToString(null, CultureInfo.InvariantCulture), _ => c.ToString() });
            first.AppendLine(string.Join(';', new[] { id.ToString(), Holzminden, "establishment", "15.10.2026", "1" }.Concat(cells)));
        }

        var imported = await ImportAsync(first.ToString());
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var exported = await ExportCsvAsync();
        await using (var db = CreateDb())
        {
            await db.Interviews.ExecuteDeleteAsync();
        }

        var again = await ImportAsync(exported);
        var reexported = await ExportCsvAsync();

        again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        exported.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(3);
        exported.ShouldContain(";42;");
        reexported.ShouldBe(exported);
    }
}
