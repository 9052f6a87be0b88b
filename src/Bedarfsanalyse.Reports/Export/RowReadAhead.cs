using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Bedarfsanalyse.Reports.Export;

/// <summary>
/// Reads rows on another thread a few hundred ahead of their consumer, so reading from the database and splitting
/// answers into columns overlap with writing XML (two cores: nearly the sum becomes the larger of the two).
/// </summary>
public static class RowReadAhead
{
    public const int Capacity = 512;

    public static async IAsyncEnumerable<InterviewRow> ReadAsync(
        Func<CancellationToken, IAsyncEnumerable<InterviewRow>> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var channel = Channel.CreateBounded<InterviewRow>(new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var row in rows(stop.Token).WithCancellation(stop.Token))
                {
                    await channel.Writer.WriteAsync(row, stop.Token);
                }

                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var row in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return row;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
    }
}
