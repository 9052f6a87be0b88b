using Bedarfsanalyse.Data.Reports;
using Bedarfsanalyse.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bedarfsanalyse.IntegrationTests.ReportRequests;

/// <summary>The shared Hangfire queue of the test database, as the job tests need it: empty at the start, watched until done.</summary>
internal static class JobQueue
{
    /// <summary>
    /// Jobs that other tests enqueued without a server (their requests are gone with the data reset) must not keep a
    /// server of this test busy.
    /// </summary>
    public static async Task ClearAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "do $$ begin if to_regclass('hangfire.job') is not null then truncate hangfire.jobqueue, hangfire.job cascade; end if; end $$;", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits until no request is queued or running any more (or the time is up) and returns all requests.</summary>
    public static async Task<List<ReportRequest>> WaitForRequestsAsync(TestDatabase database, int expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var db = database.CreateDb();
            var requests = await db.ReportRequests.AsNoTracking().OrderBy(r => r.DistrictKey).ToListAsync();
            var finished = requests.Count >= expected && requests.All(r => r.Status is ReportRequest.Done or ReportRequest.Failed);
            if (finished || DateTime.UtcNow > deadline)
            {
                return requests;
            }

            await Task.Delay(250);
        }
    }
}
