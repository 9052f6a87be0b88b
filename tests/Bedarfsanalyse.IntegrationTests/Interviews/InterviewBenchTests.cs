using System.Text.RegularExpressions;
using Bedarfsanalyse.Testing;

namespace Bedarfsanalyse.IntegrationTests.Interviews;

/// <summary>The interview-api benchmark as an operator runs it: it works and checks itself; how fast is never asserted.</summary>
public sealed partial class InterviewBenchTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task The_interview_api_bench_finds_every_completed_interview_in_the_database()
    {
        await using var bench = AppProcess.Start(
            new Dictionary<string, string?> { ["ConnectionStrings__Bedarfsanalyse"] = Database.ConnectionString },
            "bench", "--only", "interview-api", "--iterations", "200");

        (await bench.WaitForExitAsync(TimeSpan.FromSeconds(240))).ShouldBeTrue("bench endete nicht");
        bench.ExitCode.ShouldBe(0, bench.Errors);
        var line = bench.Output.Split(Environment.NewLine).Single(l => l.Contains("2xx-Antworten", StringComparison.Ordinal));
        var counts = StoredAndAnswered().Match(line);
        counts.Success.ShouldBeTrue(line);
        counts.Groups[1].Value.ShouldBe(counts.Groups[2].Value);
        counts.Groups[1].Value.ShouldNotBe("0");
        bench.Output.ShouldContain("95. Perzentil");
    }

    [GeneratedRegex(@"\| (\d[\d.]*) / (\d[\d.]*) +\|")]
    private static partial Regex StoredAndAnswered();
}
