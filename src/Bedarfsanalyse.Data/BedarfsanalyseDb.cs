using Bedarfsanalyse.Data.Audit;
using Bedarfsanalyse.Data.Establishments;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Data.Networks;
using Bedarfsanalyse.Data.Questionnaires;
using Bedarfsanalyse.Data.ReferenceData;
using Bedarfsanalyse.Data.Reports;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Data;

/// <summary>The application's database. Used directly by the features; there is no repository layer.</summary>
public sealed class BedarfsanalyseDb(DbContextOptions<BedarfsanalyseDb> options) : DbContext(options)
{
    public const string MigrationsAssembly = "Bedarfsanalyse.Migrations";

    public DbSet<State> States => Set<State>();

    public DbSet<District> Districts => Set<District>();

    public DbSet<SectorGroup> SectorGroups => Set<SectorGroup>();

    public DbSet<Sector> Sectors => Set<Sector>();

    public DbSet<SizeClassRow> SizeClasses => Set<SizeClassRow>();

    public DbSet<RespondentGroup> RespondentGroups => Set<RespondentGroup>();

    public DbSet<Network> Networks => Set<Network>();

    public DbSet<NetworkDistrict> NetworkDistricts => Set<NetworkDistrict>();

    public DbSet<Establishment> Establishments => Set<Establishment>();

    public DbSet<EstablishmentContact> EstablishmentContacts => Set<EstablishmentContact>();

    public DbSet<Questionnaire> Questionnaires => Set<Questionnaire>();

    public DbSet<QuestionnaireVersion> QuestionnaireVersions => Set<QuestionnaireVersion>();

    public DbSet<Interview> Interviews => Set<Interview>();

    public DbSet<Answer> Answers => Set<Answer>();

    public DbSet<ReportArtifact> ReportArtifacts => Set<ReportArtifact>();

    public DbSet<ArtifactContent> ArtifactContents => Set<ArtifactContent>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    /// <summary>Options for the application's connection string: snake_case names, migrations from their own assembly.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly))
            .UseSnakeCaseNamingConvention();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BedarfsanalyseDb).Assembly);
}
