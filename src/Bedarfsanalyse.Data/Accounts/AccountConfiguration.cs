using Bedarfsanalyse.Data.Networks;
using Bedarfsanalyse.Data.ReferenceData;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bedarfsanalyse.Data.Accounts;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.CreatedAt).HasDefaultValueSql("now()");
        builder.HasOne<Network>().WithMany().HasForeignKey(u => u.NetworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(u => u.Districts).WithOne().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserDistrictConfiguration : IEntityTypeConfiguration<UserDistrict>
{
    public void Configure(EntityTypeBuilder<UserDistrict> builder)
    {
        builder.HasKey(d => new { d.UserId, d.DistrictKey });
        builder.Property(d => d.DistrictKey).HasMaxLength(5).IsFixedLength();
        builder.HasOne<District>().WithMany().HasForeignKey(d => d.DistrictKey).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder) =>
        builder.HasData(Roles.All.Select(role => new IdentityRole<Guid>
        {
            Id = Roles.IdOf(role),
            Name = role,
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = Roles.IdOf(role).ToString(),
        }));
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Prefix).HasMaxLength(12);
        builder.Property(t => t.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.Property(t => t.CreatedAt).HasDefaultValueSql("now()");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("ck_api_tokens_hash", "hash ~ '^[0-9a-f]{64}$'"));
    }
}
