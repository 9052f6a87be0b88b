using System.Text.RegularExpressions;
using Bedarfsanalyse.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.IntegrationTests.Demo;

/// <summary>seed-demo and the demo start as an operator runs them: the executable in a process of its own.</summary>
public sealed partial class SeedDemoCommandTests(TestDatabase database) : DatabaseTest(database), IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "bedarfsanalyse-demo-" + Guid.NewGuid().ToString("N")[..8]);

    private Dictionary<string, string?> OnTestDatabase => new() { ["ConnectionStrings__Bedarfsanalyse"] = Database.ConnectionString };

    [Fact]
    public async Task Seed_demo_fills_the_chosen_network_and_only_the_chosen_districts()
    {
        await using var seed = AppProcess.Start(OnTestDatabase, "seed-demo", "--network", "leine-weser", "--districts", "03241,03254", "--seed", "7");

        (await seed.WaitForExitAsync(TimeSpan.FromSeconds(180))).ShouldBeTrue("seed-demo endete nicht");
        seed.ExitCode.ShouldBe(0, seed.Errors);
        seed.Output.ShouldContain("Demodaten geladen: Verbund leine-weser, 2 Kreise, ");
        seed.Output.ShouldContain(" 2.000 Interviews, ");
        await using var db = CreateDb();
        var byDistrict = await db.Interviews.GroupBy(i => new { i.Network!.Key, i.DistrictKey }).Select(g => new { g.Key.Key, g.Key.DistrictKey, Count = g.Count() }).ToListAsync();
        byDistrict.Select(d => d.Key).Distinct().ShouldBe(["leine-weser"]);
        byDistrict.Select(d => d.DistrictKey).Order().ShouldBe(["03241", "03254"]);
        byDistrict.Sum(d => d.Count).ShouldBe(2_000);
    }

    [Fact]
    public async Task Seed_demo_refuses_a_district_outside_the_network_in_one_German_line_and_stores_nothing()
    {
        await using var seed = AppProcess.Start(OnTestDatabase, "seed-demo", "--districts", "03255,03101");

        (await seed.WaitForExitAsync(TimeSpan.FromSeconds(120))).ShouldBeTrue("seed-demo endete nicht");
        seed.ExitCode.ShouldBe(1);
        var errors = seed.Errors.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        errors.ShouldBe(["Fehler: --districts: 03101 gehört nicht zum Verbund „Weiterbildungsverbund MehrWert“ (mehrwert); dessen Kreise sind 03251, 03252, 03255, 03256, 03257, 03453, 03460."]);
        await using var db = CreateDb();
        (await db.Interviews.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Serve_on_an_empty_private_database_prints_the_URL_the_demo_data_and_one_account_per_role()
    {
        var environment = new Dictionary<string, string?> { ["PrivateDatabase__DataDirectory"] = Path.Combine(_scratch, "postgres") };

        await using var serve = AppProcess.Start(environment, "serve", "--urls", "http://127.0.0.1:0");
        var url = await serve.WaitForUrlAsync(TimeSpan.FromSeconds(240));
        await WaitForAsync(() => AccountLine().Matches(serve.Output).Count >= 4, TimeSpan.FromSeconds(10));

        var lines = serve.Output.Split(Environment.NewLine).SkipWhile(l => !l.Contains("läuft unter " + url.GetLeftPart(UriPartial.Authority))).ToList();
        lines[1].ShouldBe("Demodaten geladen: 2.000 Interviews in 7 Kreisen des Verbunds MehrWert.");
        lines[2].ShouldBe("Demokonten (Passwörter werden nur jetzt angezeigt):");
        var accounts = lines.Skip(3).Take(4).Select(l => AccountLine().Match(l)).ToList();
        accounts.ShouldAllBe(m => m.Success);
        accounts.Select(m => m.Groups["role"].Value).ShouldBe(["Interviewer/in", "Steuerkreis", "Analyse", "Administration"]);
        accounts.Select(m => m.Groups["email"].Value).ShouldBe(["interview@demo.bedarfsanalyse.invalid", "steuerkreis@demo.bedarfsanalyse.invalid", "analyse@demo.bedarfsanalyse.invalid", "admin@demo.bedarfsanalyse.invalid"]);
        accounts.Select(m => m.Groups["password"].Value).Distinct().Count().ShouldBe(4);
        using var http = new HttpClient();
        (await http.GetAsync(new Uri(url, "/health"))).IsSuccessStatusCode.ShouldBeTrue();
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    [GeneratedRegex(@"^  (?<role>\S+)\s+(?<email>\S+@demo\.bedarfsanalyse\.invalid)\s+(?<password>[a-z2-9]{4}(-[a-z2-9]{4}){3})$", RegexOptions.Multiline)]
    private static partial Regex AccountLine();
}
