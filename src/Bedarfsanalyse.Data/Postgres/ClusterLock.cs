namespace Bedarfsanalyse.Data.Postgres;

/// <summary>An exclusive lock between processes on one lock file (flock under the hood), so that only one starts or stops the cluster.</summary>
internal sealed class ClusterLock : IDisposable
{
    private readonly FileStream _stream;

    private ClusterLock(FileStream stream) => _stream = stream;

    public static async Task<ClusterLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new ClusterLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (IOException e)
            {
                throw new PrivateClusterException($"Die private Datenbank ist gesperrt ({path}); ein anderer Prozess startet oder stoppt sie gerade.", e);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
