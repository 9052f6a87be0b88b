using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bedarfsanalyse.Data.Reports;

internal sealed class ReportArtifactConfiguration : IEntityTypeConfiguration<ReportArtifact>
{
    public void Configure(EntityTypeBuilder<ReportArtifact> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.DistrictKey).HasMaxLength(5).IsFixedLength();
        builder.Property(a => a.Kind).HasMaxLength(10);
        builder.Property(a => a.TemplateVersion).HasMaxLength(60);
        builder.Property(a => a.ModelSnapshot).HasColumnType("jsonb");
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.GeneratedAt).HasDefaultValueSql("now()");
        builder.HasOne<Networks.Network>().WithMany().HasForeignKey(a => a.NetworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReferenceData.District>().WithMany().HasForeignKey(a => a.DistrictKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.NetworkId, a.DistrictKey, a.PeriodStart });
        builder.HasIndex(a => a.RequestId).IsUnique();
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_report_artifacts_kind", "kind in ('pdf', 'xlsx', 'zip')");
            t.HasCheckConstraint("ck_report_artifacts_period", "period_start < period_end");
            t.HasCheckConstraint("ck_report_artifacts_sha256", "sha256 ~ '^[0-9a-f]{64}$'");
        });
    }
}

internal sealed class ArtifactContentConfiguration : IEntityTypeConfiguration<ArtifactContent>
{
    public void Configure(EntityTypeBuilder<ArtifactContent> builder)
    {
        builder.HasKey(c => c.ArtifactId);
        builder.HasOne<ReportArtifact>().WithOne().HasForeignKey<ArtifactContent>(c => c.ArtifactId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportRequestConfiguration : IEntityTypeConfiguration<ReportRequest>
{
    public void Configure(EntityTypeBuilder<ReportRequest> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.DistrictKey).HasMaxLength(5).IsFixedLength();
        builder.Property(r => r.Kind).HasMaxLength(10);
        builder.Property(r => r.Status).HasMaxLength(20);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.Property(r => r.JobId).HasMaxLength(100);
        builder.Property(r => r.RequestedAt).HasDefaultValueSql("now()");
        builder.HasOne<Networks.Network>().WithMany().HasForeignKey(r => r.NetworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReferenceData.District>().WithMany().HasForeignKey(r => r.DistrictKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReportArtifact>().WithMany().HasForeignKey(r => r.ArtifactId).OnDelete(DeleteBehavior.SetNull);

        // One open request per report: a second identical request while one is queued or running is refused.
        builder.HasIndex(r => new { r.NetworkId, r.DistrictKey, r.Kind, r.PeriodStart, r.PeriodEnd })
            .IsUnique()
            .AreNullsDistinct(false)
            .HasFilter("status in ('queued', 'running')")
            .HasDatabaseName("ux_report_requests_open");
        builder.HasIndex(r => new { r.NetworkId, r.RequestedAt });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_report_requests_kind", "kind in ('pdf', 'xlsx')");
            t.HasCheckConstraint("ck_report_requests_status", "status in ('queued', 'running', 'done', 'failed')");
            t.HasCheckConstraint("ck_report_requests_progress", "progress between 0 and 100");
            t.HasCheckConstraint("ck_report_requests_period", "period_start < period_end");
            t.HasCheckConstraint("ck_report_requests_done", "status <> 'done' or artifact_id is not null");
        });
    }
}
