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
        builder.ToTable(t => t.HasCheckConstraint("ck_networks_key", "key ~ '^[a-z0-9][a-z0-9-]*$'"));
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
