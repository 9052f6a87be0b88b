using Bedarfsanalyse.Web.Database;
using Bedarfsanalyse.Web.Features.Establishments;
using Bedarfsanalyse.Web.Features.ReportRequests;
using Bedarfsanalyse.Web.Security;
using Hangfire;
using Hangfire.PostgreSql;

namespace Bedarfsanalyse.Web.Jobs;

/// <summary>
/// Hangfire on the application's PostgreSQL (schema "hangfire", created by Hangfire.PostgreSql itself): the queue,
/// the recurring schedule, the workers of this process and the dashboard for admins.
/// </summary>
internal static class JobServices
{
    public const string DashboardPath = "/admin/auftraege";

    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Jobs").Get<JobOptions>() ?? new JobOptions();
        var connectionString = builder.Configuration.GetConnectionString(AppDatabase.ConnectionStringName)!;
        builder.Services.AddSingleton(options);
        builder.Services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(storage => storage.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromSeconds(1),
                // A running job's fetch is renewed while its worker lives; the job of a worker that died is handed to
                // another worker this long after the last renewal. Long reports are therefore never run twice at once.
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromSeconds(options.InvisibilityTimeoutSeconds),
            }));

        if (options.RunServer)
        {
            builder.Services.AddHangfireServer(server =>
            {
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
                server.WorkerCount = options.WorkerCount;
                server.Queues = ["default"];
                server.ShutdownTimeout = TimeSpan.FromSeconds(options.ShutdownTimeoutSeconds);
            });
            builder.Services.AddHostedService<RecurringJobRegistration>();
        }

        builder.Services.AddScoped<ContactRetentionJob>().AddScoped<Features.Audit.AuditRetentionJob>();
        builder.Services.AddScoped<ReportJob>().AddScoped<QuarterlyReportsJob>().AddScoped<ReportRequestService>();
        return builder;
    }

    /// <summary>The dashboard, for admins only (the endpoint policy decides; Hangfire's own filter would allow only local requests).</summary>
    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [],
            AppPath = "/",
            DashboardTitle = "Aufträge – Bedarfsanalyse",
            DisplayStorageConnectionString = false,
        }).RequireAuthorization(Policies.Admin);
        return app;
    }
}

/// <summary>Section "Jobs" of the configuration.</summary>
public sealed class JobOptions
{
    /// <summary>Whether this process works on jobs (false for a web-only instance and in most tests).</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>How long after a worker's last sign of life its running job goes to another worker.</summary>
    public int InvisibilityTimeoutSeconds { get; set; } = 300;

    public int ShutdownTimeoutSeconds { get; set; } = 30;
}
