using System.Net;
using System.Net.Http.Json;
using System.Text;
using Bedarfsanalyse.Testing;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.IntegrationTests.Accounts;

public sealed class NetworkAdministrationTests(TestDatabase database) : AppTest(database)
{
    [Fact]
    public async Task The_admin_renames_the_steering_committee_and_the_change_is_recorded()
    {
        using var session = await App.SignInAsync("admin@example.org");

        var response = await session.SubmitAsync("/admin/verbuende/mehrwert",
        [
            new("Form.Name", "Weiterbildungsverbund MehrWert"), new("Form.SteeringCommitteeName", "Lenkungsgruppe"),
            new("Form.ReportSchedule", "0 6 1 1,4,7,10 *"), new("Form.ContactRetentionMonths", "18"),
            .. new[] { "03255", "03252", "03257", "03256", "03251", "03453", "03460" }.Select(d => new KeyValuePair<string, string>("Form.Districts", d)),
        ]);

        (await WebSession.ParseAsync(response)).QuerySelector("[role=status]")!.TextContent.ShouldContain("gespeichert");
        await using var db = CreateDb();
        var network = await db.Networks.SingleAsync(n => n.Key == "mehrwert");
        network.SteeringCommitteeName.ShouldBe("Lenkungsgruppe");
        network.ContactRetentionMonths.ShouldBe(18);
        (await db.AuditEvents.SingleAsync(e => e.Action == "network-changed")).Details!.ShouldContain("Lenkungsgruppe");
    }

    [Fact]
    public async Task A_bad_report_schedule_is_refused_at_the_field_and_nothing_is_saved()
    {
        using var api = await App.ApiClientAsync(AdminId);

        var response = await api.PutAsJsonAsync("/api/v1/networks/mehrwert", new
        {
            name = "MehrWert", steeringCommitteeName = "Steuerkreis", reportSchedule = "jeden Montag", contactRetentionMonths = 12,
            districts = new[] { "03255" },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadAsStringAsync();
        problem.ShouldContain("\"reportSchedule\"");
        problem.ShouldContain("kein gültiger Zeitplan");
        await using var db = CreateDb();
        (await db.Networks.SingleAsync(n => n.Key == "mehrwert")).Name.ShouldBe("Weiterbildungsverbund MehrWert");
    }

    [Fact]
    public async Task Field_targets_are_set_per_district_group_and_quarter_and_read_back()
    {
        using var api = await App.ApiClientAsync(AdminId);

        var put = await api.PutAsJsonAsync("/api/v1/networks/mehrwert/targets?quarter=2026-Q3", new[]
        {
            new { district = "03255", respondentGroup = "establishment", target = 40 },
            new { district = "03255", respondentGroup = "apprentices", target = 15 },
        });
        var bad = await api.PutAsJsonAsync("/api/v1/networks/mehrwert/targets?quarter=2026-Q3", new[]
        {
            new { district = "03241", respondentGroup = "establishment", target = 40 },
        });
        using var steering = await App.ApiClientAsync(SteeringId);
        var read = await steering.GetStringAsync("/api/v1/networks/mehrwert/targets?quarter=2026-Q3");

        put.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("gehört nicht zum Verbund");
        read.ShouldContain("\"target\":40");
        read.ShouldContain("\"target\":15");
    }

    [Fact]
    public async Task Population_margins_from_a_German_CSV_are_stored_and_a_file_with_one_bad_row_changes_nothing()
    {
        using var api = await App.ApiClientAsync(AdminId);
        var good = "\uFEFFKreisschlüssel;Größenklasse;Wirtschaftsgruppe;Betriebe;Beschäftigte;Quelle\r\n"
            + "03255;1–9;B–F;1.234;5.678;Betriebsstättenstatistik 2025\r\n"
            + "03255;250+;O-U;3;2.100;Betriebsstättenstatistik 2025\r\n";
        var bad = "Kreisschlüssel;Größenklasse;Wirtschaftsgruppe;Betriebe\r\n03255;1-9;A;12\r\n03255;10-49;Z;viele\r\n";

        var stored = await UploadAsync(api, good, "margins.csv");
        var refused = await UploadAsync(api, bad, "margins.csv");

        stored.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await refused.Content.ReadAsStringAsync();
        problem.ShouldContain("Zeile 3: „Z“ ist keine Wirtschaftsgruppe");
        problem.ShouldContain("Zeile 3, Spalte Betriebe: „viele“ ist keine ganze Zahl");
        await using var db = CreateDb();
        var margins = await db.PopulationMargins.OrderBy(m => m.SizeClassCode).ToListAsync();
        margins.Count.ShouldBe(2);
        margins[0].Establishments.ShouldBe(1234);
        margins[0].Employees.ShouldBe(5678);
        margins[0].SectorGroupCode.ShouldBe("B-F");
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_refused_with_a_German_message()
    {
        using var api = await App.ApiClientAsync(AdminId);

        var response = await UploadAsync(api, "kein Excel", "margins.xlsx");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("keine lesbare Excel-Datei");
    }

    [Fact]
    public async Task The_margins_template_is_a_workbook_with_one_row_per_stratum_that_can_be_uploaded_again()
    {
        using var session = await App.SignInAsync("admin@example.org");
        var response = await session.GetAsync("/admin/verbuende/mehrwert/grundgesamtheit?handler=Vorlage");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using (var workbook = new XLWorkbook(new MemoryStream(bytes)))
        {
            var sheet = workbook.Worksheet(1);
            sheet.Cell(1, 1).GetString().ShouldBe("Kreisschlüssel");
            sheet.RangeUsed()!.RowCount().ShouldBe(1 + 7 * 4 * 5);
            for (var row = 2; row <= 141; row++)
            {
                sheet.Cell(row, 5).Value = 10;
            }

            using var filled = new MemoryStream();
            workbook.SaveAs(filled);
            using var api = await App.ApiClientAsync(AdminId);
            var upload = await UploadAsync(api, filled.ToArray(), "grundgesamtheit.xlsx");
            upload.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await using var db = CreateDb();
        (await db.PopulationMargins.SumAsync(m => m.Establishments)).ShouldBe(1400);
    }

    [Fact]
    public async Task A_district_of_another_state_is_added_as_reference_data_and_a_wrong_key_is_refused()
    {
        using var api = await App.ApiClientAsync(AdminId);

        var added = await api.PostAsJsonAsync("/api/v1/districts", new { key = "15002", name = "Halle (Saale)", kind = "Kreisfreie Stadt" });
        var wrong = await api.PostAsJsonAsync("/api/v1/districts", new { key = "99001", name = "Nirgendwo", kind = "Landkreis" });

        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await added.Content.ReadAsStringAsync()).ShouldContain("Sachsen-Anhalt");
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("bezeichnen kein Land");
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient api, string text, string fileName) =>
        UploadAsync(api, Encoding.UTF8.GetBytes(text), fileName);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient api, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        return await api.PostAsync("/api/v1/networks/mehrwert/margins", form);
    }
}
