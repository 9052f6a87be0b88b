using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Bedarfsanalyse.Data.Postgres;

/// <summary>
/// A PostgreSQL cluster private to one checkout, run from the machine's PostgreSQL binaries when no connection string
/// is configured. Several processes may use it at once (the app, a test run): each holds a lease, and the last one
/// to leave stops the server. A second start reuses the data.
/// </summary>
public sealed class PrivateCluster : IAsyncDisposable
{
    private const string PostgresUser = "postgres";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(3);

    private readonly PostgresBinaries _binaries;
    private readonly string _leaseFile;
    private readonly TextWriter _log;
    private bool _released;

    private readonly string _stateDirectory;

    private PrivateCluster(PostgresBinaries binaries, string dataDirectory, string stateDirectory, int port, string leaseFile, TextWriter log)
    {
        _binaries = binaries;
        DataDirectory = dataDirectory;
        _stateDirectory = stateDirectory;
        Port = port;
        _leaseFile = leaseFile;
        _log = log;
    }

    public string DataDirectory { get; }

    public int Port { get; }

    /// <summary>Connection string for one database of this cluster (trust authentication, loopback only).</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = PostgresUser,
        Database = database,
    }.ConnectionString;

    /// <summary>
    /// Starts the cluster in <paramref name="dataDirectory"/> (creating it on first use) or joins the one already
    /// running there, and takes a lease on it for this process.
    /// </summary>
    public static async Task<PrivateCluster> StartAsync(string dataDirectory, TextWriter log, CancellationToken cancellationToken = default)
    {
        dataDirectory = Path.GetFullPath(dataDirectory);
        var stateDirectory = dataDirectory + ".state";
        Directory.CreateDirectory(stateDirectory);
        using var clusterLock = await ClusterLock.AcquireAsync(Path.Combine(stateDirectory, "lock"), LockTimeout, cancellationToken);

        var binaries = await PostgresBinaries.FindOrInstallAsync(log, cancellationToken);
        if (IsRoot)
        {
            dataDirectory = await DirectoryReachableByPostgresUserAsync(dataDirectory, log, cancellationToken);
        }

        var port = RunningPort(dataDirectory);
        if (port is null)
        {
            if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
            {
                await InitializeAsync(binaries, dataDirectory, log, cancellationToken);
            }

            port = ChoosePort(stateDirectory);
            await StartServerAsync(binaries, dataDirectory, port.Value, log, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(stateDirectory, "port"), port.Value.ToString(CultureInfo.InvariantCulture), cancellationToken);
        }

        var leases = Path.Combine(stateDirectory, "leases");
        Directory.CreateDirectory(leases);
        var leaseFile = Path.Combine(leases, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(leaseFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        return new PrivateCluster(binaries, dataDirectory, stateDirectory, port.Value, leaseFile, log);
    }

    /// <summary>Root cannot run PostgreSQL; the server runs as the postgres user, who must be able to reach its data.</summary>
    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Creates the database unless it exists.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection)
        {
            Parameters = { new() { Value = database } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"create database {QuoteIdentifier(database)}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Drops the database if it exists and creates it empty.</summary>
    public async Task RecreateDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync(cancellationToken);
            await using var drop = new NpgsqlCommand($"drop database if exists {QuoteIdentifier(database)} with (force)", connection);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        NpgsqlConnection.ClearAllPools();
        await EnsureDatabaseAsync(database, cancellationToken);
    }

    /// <summary>Gives up this process's lease; the last lease holder stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        NpgsqlConnection.ClearAllPools();
        using var clusterLock = await ClusterLock.AcquireAsync(Path.Combine(_stateDirectory, "lock"), LockTimeout, CancellationToken.None);
        File.Delete(_leaseFile);
        if (LiveLeases(Path.Combine(_stateDirectory, "leases")) > 0 || RunningPort(DataDirectory) is null)
        {
            return;
        }

        var result = await RunAsync(_binaries.PgCtl, ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"], CancellationToken.None);
        if (result.ExitCode != 0)
        {
            await _log.WriteLineAsync($"PostgreSQL ließ sich nicht sauber beenden: {result.Output.Trim()}");
        }
    }

    private static async Task InitializeAsync(PostgresBinaries binaries, string dataDirectory, TextWriter log, CancellationToken cancellationToken)
    {
        await log.WriteLineAsync($"Lege eine private PostgreSQL-Datenbank an: {dataDirectory}");
        Directory.CreateDirectory(dataDirectory);
        if (IsRoot)
        {
            await RunCheckedAsync("chown", ["-R", $"{PostgresUser}:{PostgresUser}", dataDirectory], cancellationToken);
        }

        await RunCheckedAsync(binaries.InitDb,
            ["-D", dataDirectory, "-U", PostgresUser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"],
            cancellationToken);

        // Loopback only, no Unix socket (the checkout path may be too long for one), sizes for a 2-core machine
        // that loads a few million answer rows.
        var settings = """

            # Bedarfsanalyse private cluster
            listen_addresses = '127.0.0.1'
            unix_socket_directories = ''
            shared_buffers = '256MB'
            work_mem = '32MB'
            maintenance_work_mem = '256MB'
            max_wal_size = '2GB'
            max_connections = 200
            """;
        var conf = Path.Combine(dataDirectory, "postgresql.conf");
        await File.AppendAllTextAsync(conf, settings, cancellationToken);
    }

    private static async Task StartServerAsync(PostgresBinaries binaries, string dataDirectory, int port, TextWriter log, CancellationToken cancellationToken)
    {
        var logFile = Path.Combine(dataDirectory, "server.log");
        var result = await RunAsync(binaries.PgCtl,
            ["-D", dataDirectory, "-l", logFile, "-w", "-t", "60", "-o", $"-p {port}", "start"],
            cancellationToken);
        if (result.ExitCode != 0)
        {
            var tail = File.Exists(logFile) ? string.Join(Environment.NewLine, File.ReadLines(logFile).TakeLast(5)) : result.Output;
            throw new PrivateClusterException(
                $"PostgreSQL in {dataDirectory} ließ sich nicht starten (Protokoll: {logFile}):{Environment.NewLine}{tail.Trim()}");
        }

        await log.WriteLineAsync($"PostgreSQL läuft auf 127.0.0.1:{port} (Daten: {dataDirectory}).");
    }

    /// <summary>The port of a server already running on this data directory, or null.</summary>
    private static int? RunningPort(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(pidFile);
        }
        catch (IOException)
        {
            return null;
        }

        // postmaster.pid: line 1 the pid, line 4 the port (PostgreSQL's documented layout).
        if (lines.Length < 4
            || !int.TryParse(lines[0], CultureInfo.InvariantCulture, out var pid)
            || !int.TryParse(lines[3], CultureInfo.InvariantCulture, out var port)
            || !IsAlive(pid)
            || !Answers(port))
        {
            return null;
        }

        return port;
    }

    private static int LiveLeases(string leaseDirectory)
    {
        if (!Directory.Exists(leaseDirectory))
        {
            return 0;
        }

        var live = 0;
        foreach (var lease in Directory.GetFiles(leaseDirectory))
        {
            var name = Path.GetFileName(lease);
            var pidText = name.Split('-')[0];
            if (int.TryParse(pidText, CultureInfo.InvariantCulture, out var pid) && IsAlive(pid))
            {
                live++;
            }
            else
            {
                File.Delete(lease);
            }
        }

        return live;
    }

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    private static bool Answers(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The port of the previous run when it is free (a stable address), else any free one.</summary>
    private static int ChoosePort(string stateDirectory)
    {
        var portFile = Path.Combine(stateDirectory, "port");
        if (File.Exists(portFile)
            && int.TryParse(File.ReadAllText(portFile).Trim(), CultureInfo.InvariantCulture, out var previous)
            && IsFree(previous))
        {
            return previous;
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// The data directory itself when the postgres user can reach it; otherwise (a checkout under /root, say) a
    /// folder of its own under /var/lib/bedarfsanalyse, so that no permission of the user's folders is changed.
    /// </summary>
    private static async Task<string> DirectoryReachableByPostgresUserAsync(string dataDirectory, TextWriter log, CancellationToken cancellationToken)
    {
        var parent = Path.GetDirectoryName(dataDirectory)!;
        Directory.CreateDirectory(parent);
        var probe = await RunAsync("test", ["-x", parent], cancellationToken);
        if (probe.ExitCode == 0)
        {
            return dataDirectory;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dataDirectory)))[..12];
        var fallback = Path.Combine("/var/lib/bedarfsanalyse", hash, "postgres");
        Directory.CreateDirectory(Path.GetDirectoryName(fallback)!);
        await log.WriteLineAsync($"Der Benutzer postgres erreicht {parent} nicht; die Daten liegen deshalb in {fallback}.");
        return fallback;
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task RunCheckedAsync(string file, string[] arguments, CancellationToken cancellationToken)
    {
        var result = await RunAsync(file, arguments, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new PrivateClusterException($"{Path.GetFileName(file)} ist fehlgeschlagen: {result.Output.Trim()}");
        }
    }

    /// <summary>Runs a PostgreSQL tool, as the postgres user when this process is root (chown stays root's).</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments, CancellationToken cancellationToken)
    {
        var start = IsRoot && file != "chown"
            ? new ProcessStartInfo("runuser", ["-u", PostgresUser, "--", file, .. arguments])
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = "/";
        using var process = Process.Start(start) ?? throw new PrivateClusterException($"{file} ließ sich nicht starten.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output + await error);
    }
}
