using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bedarfsanalyse.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AuditAppendOnlyAndReferenceData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_establishments_chamber",
                table: "establishments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_districts_validity",
                table: "districts");

            // Every district gets a start date. Seeded rows get theirs below; a district an admin added without one
            // counts from its territorial status, the oldest date its entry vouches for.
            migrationBuilder.Sql("update districts set valid_from = territorial_status where valid_from is null;");

            migrationBuilder.AlterColumn<DateOnly>(
                name: "valid_from",
                table: "districts",
                type: "date",
                nullable: false,
                oldClrType: typeof(DateOnly),
                oldType: "date",
                oldNullable: true);

            // One vocabulary for chamber membership: the employer questionnaire's codes.
            migrationBuilder.Sql("update establishments set chamber = case chamber when 'both' then 'beide' when 'none' then 'keine' else chamber end where chamber in ('both', 'none');");

            // Transitional: writers that still send the old English codes (the demo seeder's COPY) are translated on
            // insert instead of failing. Drop this trigger once no writer sends them.
            migrationBuilder.Sql("""
                create function translate_legacy_chamber() returns trigger language plpgsql as $$
                begin
                    new.chamber := case new.chamber when 'both' then 'beide' when 'none' then 'keine' else new.chamber end;
                    return new;
                end $$;
                create trigger establishments_legacy_chamber
                    before insert or update of chamber on establishments
                    for each row when (new.chamber in ('both', 'none'))
                    execute function translate_legacy_chamber();
                """);

            // The audit trail is append-only: besides UPDATE, DELETE and TRUNCATE are refused too. The one change
            // allowed is the retention of a refused attempt's personal data (ADR 0017): the typed name, the address
            // and a typed e-mail are removed, everything else stays as it was.
            migrationBuilder.Sql("""
                create or replace function refuse_audit_event_update() returns trigger language plpgsql as $$
                begin
                    if old.action in ('sign-in-failed', 'locked-out', 'request-refused')
                        and new.id = old.id and new.occurred_at = old.occurred_at and new.action = old.action
                        and new.actor_id is not distinct from old.actor_id
                        and new.subject_type is not distinct from old.subject_type
                        and new.subject_id is not distinct from old.subject_id
                        and new.actor_name is null and new.remote_address is null
                        and new.details is not distinct from (old.details - 'email')
                    then
                        return new;
                    end if;
                    raise exception 'Einträge des Prüfprotokolls können nicht geändert werden.' using errcode = 'P0001';
                end $$;
                create function refuse_audit_event_removal() returns trigger language plpgsql as $$
                begin
                    raise exception 'Einträge des Prüfprotokolls können nicht gelöscht werden.' using errcode = 'P0001';
                end $$;
                create trigger audit_events_no_delete
                    before delete on audit_events
                    for each row execute function refuse_audit_event_removal();
                create trigger audit_events_no_truncate
                    before truncate on audit_events
                    for each statement execute function refuse_audit_event_removal();
                """);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03101",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03102",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03103",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03151",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03152",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03153",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03154",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03155",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03156",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03157",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03158",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03251",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03252",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03254",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03255",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03256",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03257",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03351",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03352",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03353",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03354",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03355",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03356",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03357",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03358",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03359",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03360",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03361",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03401",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03402",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03403",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03404",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03405",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03451",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03452",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03453",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03454",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03455",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03456",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03457",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03458",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03459",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03460",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03461",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03462",
                column: "valid_from",
                value: new DateOnly(1977, 8, 1));

            migrationBuilder.AddCheckConstraint(
                name: "ck_establishments_chamber",
                table: "establishments",
                sql: "chamber is null or chamber in ('hwk', 'ihk', 'beide', 'keine')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_districts_validity",
                table: "districts",
                sql: "valid_until is null or valid_from <= valid_until");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                drop trigger if exists audit_events_no_truncate on audit_events;
                drop trigger if exists audit_events_no_delete on audit_events;
                drop function if exists refuse_audit_event_removal();
                create or replace function refuse_audit_event_update() returns trigger language plpgsql as $$
                begin
                    raise exception 'Einträge des Prüfprotokolls können nicht geändert werden.' using errcode = 'P0001';
                end $$;
                drop trigger if exists establishments_legacy_chamber on establishments;
                drop function if exists translate_legacy_chamber();
                """);

            migrationBuilder.DropCheckConstraint(
                name: "ck_establishments_chamber",
                table: "establishments");

            migrationBuilder.Sql("update establishments set chamber = case chamber when 'beide' then 'both' when 'keine' then 'none' else chamber end where chamber in ('beide', 'keine');");

            migrationBuilder.DropCheckConstraint(
                name: "ck_districts_validity",
                table: "districts");

            migrationBuilder.AlterColumn<DateOnly>(
                name: "valid_from",
                table: "districts",
                type: "date",
                nullable: true,
                oldClrType: typeof(DateOnly),
                oldType: "date");

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03101",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03102",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03103",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03151",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03152",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03153",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03154",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03155",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03156",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03157",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03158",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03251",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03252",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03254",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03255",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03256",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03257",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03351",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03352",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03353",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03354",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03355",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03356",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03357",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03358",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03359",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03360",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03361",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03401",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03402",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03403",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03404",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03405",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03451",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03452",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03453",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03454",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03455",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03456",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03457",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03458",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03459",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03460",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03461",
                column: "valid_from",
                value: null);

            migrationBuilder.UpdateData(
                table: "districts",
                keyColumn: "key",
                keyValue: "03462",
                column: "valid_from",
                value: null);

            migrationBuilder.AddCheckConstraint(
                name: "ck_establishments_chamber",
                table: "establishments",
                sql: "chamber is null or chamber in ('hwk', 'ihk', 'both', 'none')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_districts_validity",
                table: "districts",
                sql: "valid_until is null or valid_from is null or valid_from <= valid_until");
        }
    }
}
