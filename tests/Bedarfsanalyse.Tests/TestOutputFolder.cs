namespace Bedarfsanalyse.Tests;

/// <summary>
/// A folder under artifacts/test-output in the checkout (git-ignored) for files a person opens after a test run, such
/// as rendered report pages; emptied before each use, so what lies there is from the last run.
/// </summary>
internal static class TestOutputFolder
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Prepare(string name)
    {
        var folder = Path.Combine(RepositoryRoot, "artifacts", "test-output", name);
        Directory.CreateDirectory(folder);
        foreach (var old in Directory.GetFiles(folder))
        {
            File.Delete(old);
        }

        return folder;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bedarfsanalyse.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Bedarfsanalyse.sln liegt über {AppContext.BaseDirectory} nicht: die Tests laufen nicht in einem Checkout.");
    }
}
