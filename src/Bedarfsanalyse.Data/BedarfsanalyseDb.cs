using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Data.Audit;
using Bedarfsanalyse.Data.Consent;
using Bedarfsanalyse.Data.Establishments;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Data.Networks;
using Bedarfsanalyse.Data.Questionnaires;
using Bedarfsanalyse.Data.ReferenceData;
using Bedarfsanalyse.Data.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Data;

/// <summary>The application's database. Used directly by the features; there is no repository layer.</summary>
public sealed class BedarfsanalyseDb(DbContextOptions<BedarfsanalyseDb> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
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

    public DbSet<ReportRequest> ReportRequests => Set<ReportRequest>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<UserDistrict> UserDistricts => Set<UserDistrict>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<ConsentText> ConsentTexts => Set<ConsentText>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<FieldTarget> FieldTargets => Set<FieldTarget>();

    public DbSet<PopulationMargin> PopulationMargins => Set<PopulationMargin>();

    /// <summary>Options for the application's connection string: snake_case names, migrations from their own assembly.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly))
            .UseSnakeCaseNamingConvention();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Identity names its tables AspNet*; here they follow the snake_case of every other table.
        modelBuilder.Entity<AppUser>().ToTable("users");
        modelBuilder.Entity<IdentityRole<Guid>>().ToTable("roles");
        modelBuilder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        modelBuilder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        modelBuilder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        modelBuilder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        modelBuilder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");

        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BedarfsanalyseDb).Assembly);
    }
}
