using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bedarfsanalyse.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class InterviewQuality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "duration_seconds",
                table: "interviews",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "edits_after_completion",
                table: "interviews",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "non_substantive_answers",
                table: "interviews",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "withdrawal_reason",
                table: "interviews",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "withdrawn_at",
                table: "interviews",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_interviews_quality",
                table: "interviews",
                sql: "edits_after_completion >= 0 and non_substantive_answers >= 0 and (duration_seconds is null or duration_seconds >= 0)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_interviews_withdrawn_at",
                table: "interviews",
                sql: "status <> 'withdrawn' or withdrawn_at is not null");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_interviews_quality",
                table: "interviews");

            migrationBuilder.DropCheckConstraint(
                name: "ck_interviews_withdrawn_at",
                table: "interviews");

            migrationBuilder.DropColumn(
                name: "duration_seconds",
                table: "interviews");

            migrationBuilder.DropColumn(
                name: "edits_after_completion",
                table: "interviews");

            migrationBuilder.DropColumn(
                name: "non_substantive_answers",
                table: "interviews");

            migrationBuilder.DropColumn(
                name: "withdrawal_reason",
                table: "interviews");

            migrationBuilder.DropColumn(
                name: "withdrawn_at",
                table: "interviews");
        }
    }
}
