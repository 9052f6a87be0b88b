using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bedarfsanalyse.Data.Interviews;

internal sealed class InterviewConfiguration : IEntityTypeConfiguration<Interview>
{
    public void Configure(EntityTypeBuilder<Interview> builder)
    {
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.RespondentGroupCode).HasMaxLength(40);
        builder.Property(i => i.DistrictKey).HasMaxLength(5).IsFixedLength();
        builder.Property(i => i.Status).HasMaxLength(20);
        builder.Property(i => i.ConsentTextVersion).HasMaxLength(40);
        builder.Property(i => i.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(i => i.UpdatedAt).HasDefaultValueSql("now()");
        builder.Property(i => i.Version).IsRowVersion();
        builder.Property(i => i.WithdrawalReason).HasMaxLength(500);

        builder.HasOne(i => i.Network).WithMany().HasForeignKey(i => i.NetworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.QuestionnaireVersion).WithMany().HasForeignKey(i => i.QuestionnaireVersionId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.RespondentGroup).WithMany().HasForeignKey(i => i.RespondentGroupCode)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.District).WithMany().HasForeignKey(i => i.DistrictKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Establishment).WithMany().HasForeignKey(i => i.EstablishmentId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Consent.ConsentText>().WithMany().HasForeignKey(i => i.ConsentTextVersion).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(i => i.InterviewerId).OnDelete(DeleteBehavior.Restrict);
        // In the database this link is kept by statement-level triggers, not by a foreign key constraint (migration
        // AnswersCheckedPerStatement, docs/adr/0024-interview-api-speed.md): same refusal, same cascade, one check per
        // statement instead of one per answer row. EF keeps the relationship to order inserts and for Include.
        builder.HasMany(i => i.Answers).WithOne().HasForeignKey(a => a.InterviewId).OnDelete(DeleteBehavior.Cascade);

        // Reports filter by network, district and period; the interviewer's list by interviewer and status.
        builder.HasIndex(i => new { i.NetworkId, i.ConductedOn });
        builder.HasIndex(i => new { i.DistrictKey, i.ConductedOn });
        builder.HasIndex(i => new { i.InterviewerId, i.Status });
        builder.HasIndex(i => i.EstablishmentId);
        // The few withdrawn interviews, for the revised-figure stamp (a withdrawal after the close day marks "r"): a
        // partial index covering what the stamp reads; saving a page changes none of its columns.
        builder.HasIndex(i => new { i.NetworkId, i.ConductedOn }, "Withdrawn").HasFilter("status = 'withdrawn'")
            .IncludeProperties(i => new { i.DistrictKey, i.CompletedAt, i.WithdrawnAt }).HasDatabaseName("ix_interviews_withdrawn_network_id_conducted_on");

        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_interviews_status", "status in ('draft', 'completed', 'withdrawn')");
            // No answer may be completed without documented consent (DSGVO Art. 6(1)(a), 7).
            t.HasCheckConstraint("ck_interviews_consent",
                "status <> 'completed' or (consent_given and consent_given_at is not null and consent_text_version is not null)");
            t.HasCheckConstraint("ck_interviews_completed_at", "status <> 'completed' or completed_at is not null");
            t.HasCheckConstraint("ck_interviews_withdrawn_at", "status <> 'withdrawn' or withdrawn_at is not null");
            t.HasCheckConstraint("ck_interviews_quality", "edits_after_completion >= 0 and non_substantive_answers >= 0 and (duration_seconds is null or duration_seconds >= 0)");
        });
    }
}

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.HasKey(a => new { a.InterviewId, a.Question, a.Item, a.Position });
        builder.Property(a => a.Question).HasMaxLength(64);
        builder.Property(a => a.Item).HasMaxLength(64);
        builder.Property(a => a.Code).HasMaxLength(64);
        builder.ToTable(t =>
            // Exactly one kind of value per row.
            t.HasCheckConstraint("ck_answers_one_value",
                "num_nonnulls(code, number, text, date) = 1"));
    }
}
