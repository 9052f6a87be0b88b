using Bedarfsanalyse.Data.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bedarfsanalyse.Data.Networks;

internal sealed class NetworkConfiguration : IEntityTypeConfiguration<Network>
{
    public void Configure(EntityTypeBuilder<Network> builder)
    {
        // Presets are seeded with ids 1..3; identities start above them.
        builder.Property(n => n.Id).UseIdentityByDefaultColumn().HasIdentityOptions(startValue: 1000);
        builder.Property(n => n.Key).HasMaxLength(60);
        builder.HasIndex(n => n.Key).IsUnique();
        builder.Property(n => n.Name).HasMaxLength(200);
        builder.Property(n => n.SteeringCommitteeName).HasMaxLength(100);
        builder.Property(n => n.Topics).HasMaxLength(1000);
        builder.Property(n => n.ReportSchedule).HasMaxLength(100).HasDefaultValue(Network.DefaultReportSchedule);
        builder.Property(n => n.ContactRetentionMonths).HasDefaultValue(Network.DefaultContactRetentionMonths);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_networks_key", "key ~ '^[a-z0-9][a-z0-9-]*$'");
            t.HasCheckConstraint("ck_networks_retention", "contact_retention_months between 1 and 120");
        });
        builder.HasMany(n => n.Districts).WithOne().HasForeignKey(d => d.NetworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasData(ReferenceDataSeed.Networks);
    }
}

internal sealed class NetworkDistrictConfiguration : IEntityTypeConfiguration<NetworkDistrict>
{
    public void Configure(EntityTypeBuilder<NetworkDistrict> builder)
    {
        builder.HasKey(d => new { d.NetworkId, d.DistrictKey });
        builder.Property(d => d.DistrictKey).HasMaxLength(5).IsFixedLength();
        builder.HasOne(d => d.District).WithMany().HasForeignKey(d => d.DistrictKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasData(ReferenceDataSeed.NetworkDistricts);
    }
}

internal sealed class FieldTargetConfiguration : IEntityTypeConfiguration<FieldTarget>
{
    public void Configure(EntityTypeBuilder<FieldTarget> builder)
    {
        builder.HasKey(t => new { t.NetworkId, t.DistrictKey, t.RespondentGroupCode, t.Year, t.Quarter });
        builder.Property(t => t.DistrictKey).HasMaxLength(5).IsFixedLength();
        builder.Property(t => t.RespondentGroupCode).HasMaxLength(40);
        builder.HasOne<Network>().WithMany().HasForeignKey(t => t.NetworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NetworkDistrict>().WithMany().HasForeignKey(t => new { t.NetworkId, t.DistrictKey }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RespondentGroup>().WithMany().HasForeignKey(t => t.RespondentGroupCode).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_field_targets_quarter", "quarter between 1 and 4");
            t.HasCheckConstraint("ck_field_targets_target", "target >= 0");
        });
    }
}

internal sealed class PopulationMarginConfiguration : IEntityTypeConfiguration<PopulationMargin>
{
    public void Configure(EntityTypeBuilder<PopulationMargin> builder)
    {
        builder.HasKey(m => new { m.NetworkId, m.DistrictKey, m.SizeClassCode, m.SectorGroupCode });
        builder.Property(m => m.DistrictKey).HasMaxLength(5).IsFixedLength();
        builder.Property(m => m.SizeClassCode).HasMaxLength(10);
        builder.Property(m => m.SectorGroupCode).HasMaxLength(10);
        builder.Property(m => m.Source).HasMaxLength(300);
        builder.Property(m => m.UploadedAt).HasDefaultValueSql("now()");
        builder.HasOne<NetworkDistrict>().WithMany().HasForeignKey(m => new { m.NetworkId, m.DistrictKey }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SizeClassRow>().WithMany().HasForeignKey(m => m.SizeClassCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SectorGroup>().WithMany().HasForeignKey(m => m.SectorGroupCode).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("ck_population_margins_counts", "establishments >= 0 and (employees is null or employees >= 0)"));
    }
}
