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
