using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Web.Commands.Demo;
using Bedarfsanalyse.Web.Database;
using Bedarfsanalyse.Web.Jobs;
using Microsoft.AspNetCore.Connections;

namespace Bedarfsanalyse.Web.Commands;

/// <summary>serve: runs the web app. On the private cluster it migrates the schema itself; on a configured database only with --migrate.</summary>
internal static class ServeCommand
{
    public const int DefaultPort = 5080;

    private static readonly Option<string?> UrlsOption = new("--urls")
    {
        Description = $"Adresse(n) der Webanwendung, z. B. http://127.0.0.1:{DefaultPort}. Ohne Angabe: Port {DefaultPort} oder ein freier.",
    };

    private static readonly Option<bool> MigrateOption = new("--migrate")
    {
        Description = "Ausstehende Migrationen vor dem Start anwenden (bei der privaten Datenbank immer).",
    };

    private static readonly Option<ServerRole> RoleOption = new("--role")
    {
        Description = "web: Seiten und API; worker: nur Aufträge (Berichte, Exporte); both: beides (Standard).",
        HelpName = "web|worker|both",
        DefaultValueFactory = _ => ServerRole.Both,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Enum.TryParse<ServerRole>(text, ignoreCase: true, out var role))
            {
                return role;
            }

            result.AddError($"„{text}“ ist keine Rolle; möglich sind web, worker und both.");
            return ServerRole.Both;
        },
    };

    /// <summary>Adds serve as a subcommand and as what the root command does without one.</summary>
    public static void AddTo(RootCommand root)
    {
        var serve = new Command("serve", "Startet die Webanwendung (Standard, wenn kein Befehl angegeben ist).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        foreach (var command in new Command[] { root, serve })
        {
            command.Options.Add(UrlsOption);
            command.Options.Add(MigrateOption);
            command.Options.Add(RoleOption);
            command.SetAction(RunAsync);
        }

        root.Subcommands.Add(serve);
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. parseResult.UnmatchedTokens],
            ContentRootPath = AppContext.BaseDirectory,
        });

        await using var database = await AppDatabase.OpenAsync(builder.Configuration, Console.Out, cancellationToken);
        await PrepareSchemaAsync(database, parseResult.GetValue(MigrateOption), cancellationToken);

        var role = parseResult.GetValue(RoleOption);
        var explicitUrls = parseResult.GetValue(UrlsOption) ?? builder.Configuration["Urls"];
        if (role != ServerRole.Worker)
        {
            builder.WebHost.UseUrls(string.IsNullOrWhiteSpace(explicitUrls) ? DefaultUrl() : explicitUrls);
        }

        builder.UseRole(role);
        builder.AddBedarfsanalyse();

        // Give running jobs the time Hangfire allows them to finish or hand themselves back.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(40));

        await using var app = builder.Build();
        app.MapBedarfsanalyse();
        var demo = database.IsPrivate && role != ServerRole.Worker ? await LoadDemoAsync(app.Services, cancellationToken) : null;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            Console.WriteLine(role == ServerRole.Worker
                ? "Bedarfsanalyse arbeitet Aufträge ab (Rolle worker) – beenden mit Strg+C."
                : $"Bedarfsanalyse läuft unter {string.Join(", ", app.Urls)} – beenden mit Strg+C.");
            if (demo is not null)
            {
                Console.WriteLine(demo);
            }
        });
        try
        {
            await app.RunAsync();
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            throw new CommandFailedException(
                $"Die Adresse {explicitUrls} ist belegt. Wählen Sie eine andere mit --urls (oder der Einstellung Urls).");
        }

        return 0;
    }

    /// <summary>Only the private cluster (a newcomer's checkout) gets the S demo, and only while it is empty.</summary>
    private static async Task<string?> LoadDemoAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var loaded = await scope.ServiceProvider.GetRequiredService<DemoStart>().RunIfEmptyAsync(new DemoOptions(), Console.Out, cancellationToken);
        return loaded is { } demo
            ? $"Demodaten geladen: {GermanFigureFormat.Count(demo.Data.Interviews)} Interviews in {demo.Data.Districts} Kreisen des Verbunds MehrWert.{Environment.NewLine}{DemoStart.Describe(demo.Accounts)}"
            : null;
    }

    private static async Task PrepareSchemaAsync(AppDatabase database, bool migrate, CancellationToken cancellationToken)
    {
        if (database.IsPrivate || migrate)
        {
            var applied = await database.MigrateAsync(cancellationToken);
            if (applied.Count > 0)
            {
                Console.WriteLine($"Datenbankschema aktualisiert: {applied.Count} Migration(en) angewandt, zuletzt {applied[^1]}.");
            }

            return;
        }

        var pending = await database.PendingMigrationsAsync(cancellationToken);
        if (pending.Count > 0)
        {
            Console.WriteLine(
                $"Achtung: {pending.Count} Migration(en) stehen aus ({string.Join(", ", pending)}); /health meldet 503, bis „migrate“ gelaufen ist.");
        }
    }

    /// <summary>The usual port when it is free; otherwise one the system picks, which the start message then shows.</summary>
    private static string DefaultUrl()
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, DefaultPort);
            probe.Start();
            return $"http://127.0.0.1:{DefaultPort}";
        }
        catch (SocketException)
        {
            Console.WriteLine($"Port {DefaultPort} ist belegt; ein freier Port wird gewählt.");
            return "http://127.0.0.1:0";
        }
    }
}
