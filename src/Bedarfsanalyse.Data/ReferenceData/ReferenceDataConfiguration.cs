using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bedarfsanalyse.Data.ReferenceData;

internal sealed class StateConfiguration : IEntityTypeConfiguration<State>
{
    public void Configure(EntityTypeBuilder<State> builder)
    {
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(2).IsFixedLength();
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.ToTable(t => t.HasCheckConstraint("ck_states_code", "code ~ '^[0-9]{2}$'"));
        builder.HasData(ReferenceDataSeed.States);
    }
}

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.HasKey(d => d.Key);
        builder.Property(d => d.Key).HasMaxLength(5).IsFixedLength();
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.Property(d => d.Kind).HasMaxLength(40);
        builder.Property(d => d.StateCode).HasMaxLength(2).IsFixedLength();
        builder.HasOne(d => d.State).WithMany().HasForeignKey(d => d.StateCode).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_districts_key", "key ~ '^[0-9]{5}$'");
            t.HasCheckConstraint("ck_districts_key_in_state", "left(key, 2) = state_code");
            t.HasCheckConstraint("ck_districts_validity", "valid_until is null or valid_from <= valid_until");
        });
        builder.HasData(ReferenceDataSeed.Districts);
    }
}

internal sealed class SectorGroupConfiguration : IEntityTypeConfiguration<SectorGroup>
{
    public void Configure(EntityTypeBuilder<SectorGroup> builder)
    {
        builder.HasKey(g => g.Code);
        builder.Property(g => g.Code).HasMaxLength(10);
        builder.Property(g => g.Name).HasMaxLength(200);
        builder.HasData(ReferenceDataSeed.SectorGroups);
    }
}

internal sealed class SectorConfiguration : IEntityTypeConfiguration<Sector>
{
    public void Configure(EntityTypeBuilder<Sector> builder)
    {
        builder.HasKey(s => new { s.Classification, s.Code });
        builder.Property(s => s.Classification).HasMaxLength(20);
        builder.Property(s => s.Code).HasMaxLength(10);
        builder.Property(s => s.Name).HasMaxLength(300);
        builder.Property(s => s.SectorGroupCode).HasMaxLength(10);
        builder.HasOne(s => s.SectorGroup).WithMany().HasForeignKey(s => s.SectorGroupCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasData(ReferenceDataSeed.Sectors);
    }
}

internal sealed class SizeClassConfiguration : IEntityTypeConfiguration<SizeClassRow>
{
    public void Configure(EntityTypeBuilder<SizeClassRow> builder)
    {
        builder.ToTable("size_classes", t =>
            t.HasCheckConstraint("ck_size_classes_range", "min_headcount >= 1 and (max_headcount is null or max_headcount >= min_headcount)"));
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(10);
        builder.Property(c => c.Label).HasMaxLength(100);
        builder.HasData(ReferenceDataSeed.SizeClasses);
    }
}

internal sealed class RespondentGroupConfiguration : IEntityTypeConfiguration<RespondentGroup>
{
    public void Configure(EntityTypeBuilder<RespondentGroup> builder)
    {
        builder.HasKey(g => g.Code);
        builder.Property(g => g.Code).HasMaxLength(40);
        builder.Property(g => g.Name).HasMaxLength(200);
        builder.HasData(ReferenceDataSeed.RespondentGroups);
    }
}
