using System.Diagnostics;

namespace Bedarfsanalyse.Data.Postgres;

/// <summary>The machine's PostgreSQL server programs (Debian: /usr/lib/postgresql/N/bin), installed on demand when root.</summary>
internal sealed record PostgresBinaries(string BinDirectory)
{
    public const string DebianPackage = "postgresql";

    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    /// <summary>The newest installed version; BEDARFSANALYSE_PG_BIN points elsewhere if needed.</summary>
    public static PostgresBinaries? Find()
    {
        var configured = Environment.GetEnvironmentVariable("BEDARFSANALYSE_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(Path.Combine(configured, "pg_ctl")) ? new PostgresBinaries(configured) : null;
        }

        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: Version.TryParse(Path.GetFileName(dir) + ".0", out var v) ? v : null))
            .Where(x => x.Version is not null && File.Exists(Path.Combine(x.Dir, "initdb")) && File.Exists(Path.Combine(x.Dir, "pg_ctl")))
            .OrderByDescending(x => x.Version)
            .Select(x => new PostgresBinaries(x.Dir))
            .FirstOrDefault();
    }

    public static async Task<PostgresBinaries> FindOrInstallAsync(TextWriter log, CancellationToken cancellationToken)
    {
        if (Find() is { } found)
        {
            return found;
        }

        if (Environment.UserName != "root")
        {
            throw new PrivateClusterException(
                "PostgreSQL ist nicht installiert. Installieren Sie es mit „sudo apt-get install -y postgresql“ " +
                "oder setzen Sie ConnectionStrings__Bedarfsanalyse auf eine vorhandene Datenbank.");
        }

        await log.WriteLineAsync("PostgreSQL fehlt; installiere das Debian-Paket postgresql ...");
        if (await AptGetAsync(["install", "-y", "--no-install-recommends", DebianPackage], cancellationToken) != 0)
        {
            // A fresh image may have no package lists yet.
            await AptGetAsync(["update"], cancellationToken);
            if (await AptGetAsync(["install", "-y", "--no-install-recommends", DebianPackage], cancellationToken) != 0)
            {
                throw new PrivateClusterException("apt-get konnte postgresql nicht installieren; siehe die Ausgabe oben.");
            }
        }

        return Find() ?? throw new PrivateClusterException("postgresql ist installiert, aber initdb und pg_ctl fehlen unter /usr/lib/postgresql.");
    }

    private static async Task<int> AptGetAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("apt-get", arguments) { Environment = { ["DEBIAN_FRONTEND"] = "noninteractive" } };
        using var process = Process.Start(start) ?? throw new PrivateClusterException("apt-get ließ sich nicht starten.");
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }
}
