namespace Bedarfsanalyse.Web.Database;

/// <summary>Where the private cluster lives when no connection string is configured (section PrivateDatabase).</summary>
internal sealed class PrivateDatabaseOptions
{
    /// <summary>Empty: .data/postgres in the checkout (or beside the executable when run outside a checkout).</summary>
    public string DataDirectory { get; set; } = "";

    public string Database { get; set; } = "bedarfsanalyse";

    public string ResolveDataDirectory()
    {
        if (!string.IsNullOrWhiteSpace(DataDirectory))
        {
            return Path.GetFullPath(DataDirectory);
        }

        return Path.Combine(CheckoutRoot() ?? AppContext.BaseDirectory, ".data", "postgres");
    }

    /// <summary>The folder holding Bedarfsanalyse.sln above the running executable, if any.</summary>
    private static string? CheckoutRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bedarfsanalyse.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
