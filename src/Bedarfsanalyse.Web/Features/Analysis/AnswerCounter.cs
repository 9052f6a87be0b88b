using System.Data;
using Bedarfsanalyse.Core.Analysis;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bedarfsanalyse.Web.Features.Analysis;

/// <summary>
/// Counts the answers of a network's completed interviews in PostgreSQL, where they are: one pass over the answers
/// for all requested quarters, grouped by district, quarter, respondent group, weighting stratum (size class and
/// sector group of an establishment interview), questionnaire version, question, matrix row and answer value.
/// Free text is never counted. The interviews of the period go to a temporary table first, with their stratum read
/// from their calculated answers, so that the planner hashes the few interviews and scans the many answers once.
/// </summary>
public sealed class AnswerCounter(BedarfsanalyseDb db)
{
    public const string SizeClassQuestion = "a_groessenklasse";
    public const string SectorGroupQuestion = "a_wirtschaftsgruppe";

    private const string CreateInterviews = """
        create temporary table analysis_interviews on commit drop as
        select s.*, dense_rank() over (order by district, year, quarter, grp, size, sector, version)::int as cell from (
        select i.id,
               i.district_key::text as district,
               extract(year from i.conducted_on)::int as year,
               extract(quarter from i.conducted_on)::int as quarter,
               i.respondent_group_code::text as grp,
               i.questionnaire_version_id as version,
               case when i.respondent_group_code = 'establishment' then coalesce((select a.text from answers a
                   where a.interview_id = i.id and a.question = @size and a.item = '' and a.position = 0), '') else '' end as size,
               case when i.respondent_group_code = 'establishment' then coalesce((select a.text from answers a
                   where a.interview_id = i.id and a.question = @sector and a.item = '' and a.position = 0), '') else '' end as sector
        from interviews i
        where i.network_id = @network and i.status = 'completed' and i.conducted_on >= @from and i.conducted_on < @to
          and date_trunc('quarter', i.conducted_on)::date = any(@starts)) s
        """;

    private const string CountInterviews = """
        select district, year, quarter, grp, size, sector, version, count(*)::int, cell
        from analysis_interviews
        group by cell, district, year, quarter, grp, size, sector, version
        """;

    // Codes (choices, scales, matrix cells, ranks) and numbers; the text of the calculated stratum questions as codes.
    // Grouped by the interview's cell (its district, quarter, group, stratum and version as one number): hashing two
    // million rows by one integer instead of seven texts and numbers, L one quarter 2.7 s -> 2.1 s.
    private const string CountAnswers = """
        select ai.cell, a.question, a.item,
               coalesce(a.code, case when a.question in (@size, @sector) then a.text end) as code, a.number,
               count(*)::int, (count(*) filter (where a.position = 0))::int
        from analysis_interviews ai
        join answers a on a.interview_id = ai.id
        where a.code is not null or a.number is not null or (a.text is not null and a.question in (@size, @sector))
        group by 1, 2, 3, 4, 5
        """;

    /// <summary>The counts of each quarter (an empty one for a quarter without interviews), in one transaction.</summary>
    public async Task<IReadOnlyList<QuarterCounts>> CountAsync(int networkId, IReadOnlyCollection<Quarter> quarters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quarters);
        if (quarters.Count == 0)
        {
            return [];
        }

        var wanted = quarters.ToHashSet();

        // Tens of thousands of rows repeat a few hundred strings: one instance each keeps cached counts small.
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        string Pooled(string value) => pool.TryGetValue(value, out var shared) ? shared : pool[value] = value;
        var answers = wanted.ToDictionary(q => q, _ => new List<AnswerCount>());
        var interviews = wanted.ToDictionary(q => q, _ => new List<InterviewCount>());
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

            // JIT compiling these one-off aggregations costs more than it saves. The planner multiplies the distinct
            // values of the eleven grouping columns to millions of groups (there are some ten thousand per quarter) and
            // sorts two million joined rows by text keys on disk: L, one quarter, 15.4 s sorted against 4.8 s hashed.
            await ExecuteAsync(connection, transaction, "set local jit = off", cancellationToken);
            await ExecuteAsync(connection, transaction, "set local enable_sort = off", cancellationToken);
            await ExecuteAsync(connection, transaction, "set local work_mem = '128MB'", cancellationToken);

            // The answers are read from the cache, not the disk: with random_page_cost at 4 the planner scans all
            // answers of the network for one quarter (L: 11.7 million rows for 2.2 million); at 1.1 it looks up each
            // interview's answers by the primary key for one quarter and still scans for eight.
            await ExecuteAsync(connection, transaction, "set local random_page_cost = 1.1", cancellationToken);
            await using (var create = Command(connection, transaction, CreateInterviews))
            {
                create.Parameters.AddWithValue("network", networkId);
                create.Parameters.AddWithValue("from", quarters.Min().FirstDay);
                create.Parameters.AddWithValue("to", quarters.Max().NextFirstDay);
                create.Parameters.AddWithValue("starts", wanted.Select(q => q.FirstDay).ToArray());
                create.Parameters.AddWithValue("size", SizeClassQuestion);
                create.Parameters.AddWithValue("sector", SectorGroupQuestion);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            await ExecuteAsync(connection, transaction, "analyze analysis_interviews", cancellationToken);
            var cells = new Dictionary<int, (Quarter Quarter, InterviewCount Interviews)>();
            await using (var count = Command(connection, transaction, CountInterviews))
            await using (var reader = await count.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var quarter = new Quarter(reader.GetInt32(1), reader.GetInt32(2));
                    var cell = new InterviewCount(
                        Pooled(reader.GetString(0)), Pooled(reader.GetString(3)), Pooled(reader.GetString(4)), Pooled(reader.GetString(5)),
                        reader.GetInt32(6), reader.GetInt32(7));
                    cells[reader.GetInt32(8)] = (quarter, cell);
                    if (interviews.TryGetValue(quarter, out var list))
                    {
                        list.Add(cell);
                    }
                }
            }

            await using (var count = Command(connection, transaction, CountAnswers))
            {
                count.Parameters.AddWithValue("size", SizeClassQuestion);
                count.Parameters.AddWithValue("sector", SectorGroupQuestion);
                await using var reader = await count.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var (quarter, cell) = cells[reader.GetInt32(0)];
                    if (!answers.TryGetValue(quarter, out var list) || (reader.IsDBNull(3) && reader.IsDBNull(4)))
                    {
                        continue;
                    }

                    list.Add(new AnswerCount(
                        cell.District, cell.Group, cell.SizeClass, cell.SectorGroup, cell.VersionId,
                        Pooled(reader.GetString(1)), Pooled(reader.GetString(2)),
                        reader.IsDBNull(3) ? null : Pooled(reader.GetString(3)),
                        reader.IsDBNull(4) ? null : reader.GetDecimal(4),
                        reader.GetInt32(5), reader.GetInt32(6)));
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }

        return wanted.Order().Select(q => new QuarterCounts(q, answers[q], interviews[q])).ToList();
    }

    /// <summary>
    /// Only the interviews of each quarter by stratum and version (the sample sizes weighting needs), with the same
    /// strata as <see cref="CountAsync"/> but without counting any answer: cheap where only weights are wanted.
    /// </summary>
    public async Task<IReadOnlyDictionary<Quarter, IReadOnlyList<InterviewCount>>> CountInterviewsAsync(
        int networkId, IReadOnlyCollection<Quarter> quarters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quarters);
        var interviews = quarters.Distinct().ToDictionary(q => q, _ => new List<InterviewCount>());
        if (interviews.Count == 0)
        {
            return new Dictionary<Quarter, IReadOnlyList<InterviewCount>>();
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, "set local jit = off", cancellationToken);
            await using (var create = Command(connection, transaction, CreateInterviews))
            {
                create.Parameters.AddWithValue("network", networkId);
                create.Parameters.AddWithValue("from", quarters.Min().FirstDay);
                create.Parameters.AddWithValue("to", quarters.Max().NextFirstDay);
                create.Parameters.AddWithValue("starts", interviews.Keys.Select(q => q.FirstDay).ToArray());
                create.Parameters.AddWithValue("size", SizeClassQuestion);
                create.Parameters.AddWithValue("sector", SectorGroupQuestion);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var count = Command(connection, transaction, CountInterviews))
            await using (var reader = await count.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (interviews.TryGetValue(new Quarter(reader.GetInt32(1), reader.GetInt32(2)), out var list))
                    {
                        list.Add(new InterviewCount(reader.GetString(0), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetInt32(6), reader.GetInt32(7)));
                    }
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }

        return interviews.ToDictionary(e => e.Key, e => (IReadOnlyList<InterviewCount>)e.Value);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql) =>
        new(sql, connection, transaction) { CommandTimeout = 600 };

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
