using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bedarfsanalyse.Data.Establishments;

internal sealed class EstablishmentConfiguration : IEntityTypeConfiguration<Establishment>
{
    public void Configure(EntityTypeBuilder<Establishment> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.DistrictKey).HasMaxLength(5).IsFixedLength();
        builder.Property(e => e.Pseudonym).HasMaxLength(20);
        builder.HasIndex(e => e.Pseudonym).IsUnique();
        builder.Property(e => e.SectorClassification).HasMaxLength(20);
        builder.Property(e => e.SectorCode).HasMaxLength(10);
        builder.Property(e => e.Chamber).HasMaxLength(10);
        builder.Property(e => e.CreatedAt).HasDefaultValueSql("now()");
        builder.HasOne(e => e.Network).WithMany().HasForeignKey(e => e.NetworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.District).WithMany().HasForeignKey(e => e.DistrictKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Sector).WithMany()
            .HasForeignKey(e => new { e.SectorClassification, e.SectorCode }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Contact).WithOne().HasForeignKey<EstablishmentContact>(c => c.EstablishmentId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.NetworkId, e.DistrictKey });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_establishments_headcount", "headcount is null or headcount >= 1");
            t.HasCheckConstraint("ck_establishments_chamber", "chamber is null or chamber in ('hwk', 'ihk', 'beide', 'keine')");
        });
    }
}

internal sealed class EstablishmentContactConfiguration : IEntityTypeConfiguration<EstablishmentContact>
{
    public void Configure(EntityTypeBuilder<EstablishmentContact> builder)
    {
        builder.HasKey(c => c.EstablishmentId);
        builder.Property(c => c.Name).HasMaxLength(300);
        builder.Property(c => c.Street).HasMaxLength(300);
        builder.Property(c => c.PostalCode).HasMaxLength(10);
        builder.Property(c => c.City).HasMaxLength(200);
        builder.Property(c => c.ContactPerson).HasMaxLength(200);
        builder.Property(c => c.Phone).HasMaxLength(50);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.UpdatedAt).HasDefaultValueSql("now()");
        builder.ToTable(t => t.HasCheckConstraint("ck_establishment_contacts_name", "length(trim(name)) > 0"));
    }
}
