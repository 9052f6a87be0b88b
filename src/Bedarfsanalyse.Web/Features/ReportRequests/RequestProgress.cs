using Bedarfsanalyse.Data.Reports;
using Npgsql;

namespace Bedarfsanalyse.Web.Features.ReportRequests;

/// <summary>
/// Writes a request's percentage as the generator reports it, on its own connection (the job's context is busy) and
/// at most every half second, so that the progress page moves without slowing the generator down.
/// </summary>
internal sealed class RequestProgress(string connectionString, Guid requestId) : IProgress<int>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly Lock _lock = new();
    private long _lastWrite;
    private int _latest;
    private int _written;

    public void Report(int value)
    {
        lock (_lock)
        {
            _latest = Math.Clamp(value, 0, 99);
            if (_latest == _written || System.Diagnostics.Stopwatch.GetElapsedTime(_lastWrite) < Interval)
            {
                return;
            }

            _lastWrite = System.Diagnostics.Stopwatch.GetTimestamp();
            _written = _latest;
        }

        _ = WriteAsync(_written);
    }

    public Task FlushAsync() => _latest == _written ? Task.CompletedTask : WriteAsync(_latest);

    private async Task WriteAsync(int percent)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "update report_requests set progress = greatest(progress, @p) where id = @id and status = @running", connection);
            command.Parameters.AddWithValue("p", percent);
            command.Parameters.AddWithValue("id", requestId);
            command.Parameters.AddWithValue("running", ReportRequest.Running);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // Progress is a courtesy; the job's own writes decide the outcome.
        }
    }
}
