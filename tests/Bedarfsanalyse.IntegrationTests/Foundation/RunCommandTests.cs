using System.Net;
using System.Net.Sockets;
using Bedarfsanalyse.Testing;

namespace Bedarfsanalyse.IntegrationTests.Foundation;

/// <summary>The executable as an operator runs it: private PostgreSQL, Ctrl+C, bad settings, a busy port.</summary>
public sealed class RunCommandTests(TestDatabase database) : DatabaseTest(database), IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    // serve allows itself 40 s to stop (HostOptions.ShutdownTimeout) and pg_ctl up to 60 s more; a 30 s wait here
    // failed once while the machine was busy with other builds.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(100);
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "bedarfsanalyse-run-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Serve_starts_a_private_PostgreSQL_answers_health_and_leaves_no_server_behind_after_Ctrl_C_and_reuses_the_data()
    {
        var dataDirectory = Path.Combine(_scratch, "postgres");
        var environment = new Dictionary<string, string?> { ["PrivateDatabase__DataDirectory"] = dataDirectory };

        await using (var first = AppProcess.Start(environment, "serve", "--urls", "http://127.0.0.1:0"))
        {
            var url = await first.WaitForUrlAsync(StartTimeout);
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            (await http.GetAsync(new Uri(url, "/health"))).StatusCode.ShouldBe(HttpStatusCode.OK);
            first.Output.ShouldContain("Lege eine private PostgreSQL-Datenbank an");

            first.Signal("INT");

            (await first.WaitForExitAsync(ShutdownTimeout)).ShouldBeTrue("serve endete nach Strg+C nicht");
            first.ExitCode.ShouldBe(0);
        }

        File.Exists(Path.Combine(dataDirectory, "postmaster.pid")).ShouldBeFalse("PostgreSQL läuft nach dem Beenden weiter");

        await using var second = AppProcess.Start(environment, "serve", "--urls", "http://127.0.0.1:0");
        var again = await second.WaitForUrlAsync(StartTimeout);
        using (var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        {
            (await http.GetAsync(new Uri(again, "/health"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        second.Output.ShouldNotContain("Lege eine private PostgreSQL-Datenbank an");
        second.Signal("TERM");
        (await second.WaitForExitAsync(ShutdownTimeout)).ShouldBeTrue();
        File.Exists(Path.Combine(dataDirectory, "postmaster.pid")).ShouldBeFalse();
    }

    [Fact]
    public async Task An_unreachable_database_gives_one_line_naming_the_setting_and_a_non_zero_exit()
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Bedarfsanalyse"] = "Host=127.0.0.1;Port=1;Database=bedarfsanalyse;Username=postgres;Timeout=3",
        };

        await using var migrate = AppProcess.Start(environment, "migrate");

        (await migrate.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBeTrue();
        migrate.ExitCode.ShouldBe(1);
        var errorLines = migrate.Errors.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        errorLines.Length.ShouldBe(1);
        errorLines[0].ShouldStartWith("Fehler: Die Datenbank ist nicht erreichbar");
        errorLines[0].ShouldContain("ConnectionStrings__Bedarfsanalyse");
    }

    [Fact]
    public async Task A_connection_string_that_does_not_parse_is_named_as_such()
    {
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Bedarfsanalyse"] = "this is not a connection string" };

        await using var serve = AppProcess.Start(environment, "serve");

        (await serve.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBeTrue();
        serve.ExitCode.ShouldBe(1);
        serve.Errors.ShouldContain("keine gültige Verbindungszeichenfolge");
        serve.Errors.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Serve_on_a_port_in_use_says_so_and_exits()
    {
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((IPEndPoint)occupied.LocalEndpoint).Port;
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Bedarfsanalyse"] = Database.ConnectionString };

        await using var serve = AppProcess.Start(environment, "serve", "--urls", $"http://127.0.0.1:{port}");

        (await serve.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBeTrue();
        serve.ExitCode.ShouldBe(1);
        serve.Errors.ShouldContain($"http://127.0.0.1:{port} ist belegt");
        serve.Errors.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Serve_without_an_address_moves_to_a_free_port_when_5080_is_taken()
    {
        using var occupied = TryOccupy(5080);
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Bedarfsanalyse"] = Database.ConnectionString };

        await using var serve = AppProcess.Start(environment, "serve");
        var url = await serve.WaitForUrlAsync(StartTimeout);

        url.Port.ShouldNotBe(5080);
        serve.Output.ShouldContain("Port 5080 ist belegt");
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        (await http.GetAsync(new Uri(url, "/health"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Migrate_on_a_current_database_says_there_was_nothing_to_do()
    {
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Bedarfsanalyse"] = Database.ConnectionString };

        await using var migrate = AppProcess.Start(environment, "migrate");

        (await migrate.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBeTrue();
        migrate.ExitCode.ShouldBe(0);
        migrate.Output.ShouldContain("Das Datenbankschema ist aktuell");
    }

    public void Dispose()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    /// <summary>Holds the port if it is free; if something else holds it, the scenario is there already.</summary>
    private static TcpListener? TryOccupy(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return listener;
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
