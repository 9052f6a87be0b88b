using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bedarfsanalyse.Data.Questionnaires;

internal sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> builder)
    {
        builder.Property(q => q.Key).HasMaxLength(60);
        builder.HasIndex(q => q.Key).IsUnique();
        builder.Property(q => q.Title).HasMaxLength(300);
        builder.Property(q => q.CreatedAt).HasDefaultValueSql("now()");
        builder.HasMany(q => q.Versions).WithOne(v => v.Questionnaire).HasForeignKey(v => v.QuestionnaireId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("ck_questionnaires_key", "key ~ '^[a-z][a-z0-9_-]*$'"));
    }
}

internal sealed class QuestionnaireVersionConfiguration : IEntityTypeConfiguration<QuestionnaireVersion>
{
    public void Configure(EntityTypeBuilder<QuestionnaireVersion> builder)
    {
        builder.HasIndex(v => new { v.QuestionnaireId, v.Number }).IsUnique();
        builder.Property(v => v.Status).HasMaxLength(20);
        builder.Property(v => v.Definition).HasColumnType("jsonb");
        builder.Property(v => v.CreatedAt).HasDefaultValueSql("now()");
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_questionnaire_versions_status", "status in ('draft', 'published')");
            t.HasCheckConstraint("ck_questionnaire_versions_published_at", "(status = 'published') = (published_at is not null)");
            t.HasCheckConstraint("ck_questionnaire_versions_number", "number >= 1");
        });
    }
}
