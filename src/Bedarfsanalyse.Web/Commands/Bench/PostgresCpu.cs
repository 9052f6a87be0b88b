namespace Bedarfsanalyse.Web.Commands.Bench;

/// <summary>
/// CPU time used so far by every PostgreSQL process on this machine (backends, WAL writer, checkpointer), read from
/// /proc: with the app and its clients in one process and the server on the same two cores, the CPU per request of
/// both is the figure that stays put when the machine is shared (docs/adr/0024-interview-api-speed.md).
/// Null where no PostgreSQL process can be seen (a server elsewhere, or no /proc).
/// </summary>
internal static class PostgresCpu
{
    // Linux reports utime and stime in clock ticks; USER_HZ is 100 on every architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static TimeSpan? Total()
    {
        if (!Directory.Exists("/proc"))
        {
            return null;
        }

        long ticks = 0;
        var found = false;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out _))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                // pid (comm) state ppid … : comm may hold spaces, so fields are counted after its closing parenthesis.
                var open = stat.IndexOf('(');
                var close = stat.LastIndexOf(')');
                if (open < 0 || close < open || stat[(open + 1)..close] != "postgres")
                {
                    continue;
                }

                var fields = stat[(close + 2)..].Split(' ');
                // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the command.
                ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
                found = true;
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found ? TimeSpan.FromSeconds(ticks / TicksPerSecond) : null;
    }
}
