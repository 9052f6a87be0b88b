using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bedarfsanalyse.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ReportRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "request_id",
                table: "report_artifacts",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "report_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    network_id = table.Column<int>(type: "integer", nullable: false),
                    district_key = table.Column<string>(type: "character(5)", fixedLength: true, maxLength: 5, nullable: true),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    requested_by = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    progress = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    artifact_id = table.Column<Guid>(type: "uuid", nullable: true),
                    job_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_requests", x => x.id);
                    table.CheckConstraint("ck_report_requests_done", "status <> 'done' or artifact_id is not null");
                    table.CheckConstraint("ck_report_requests_kind", "kind in ('pdf', 'xlsx')");
                    table.CheckConstraint("ck_report_requests_period", "period_start < period_end");
                    table.CheckConstraint("ck_report_requests_progress", "progress between 0 and 100");
                    table.CheckConstraint("ck_report_requests_status", "status in ('queued', 'running', 'done', 'failed')");
                    table.ForeignKey(
                        name: "fk_report_requests_districts_district_key",
                        column: x => x.district_key,
                        principalTable: "districts",
                        principalColumn: "key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_report_requests_networks_network_id",
                        column: x => x.network_id,
                        principalTable: "networks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_report_requests_report_artifacts_artifact_id",
                        column: x => x.artifact_id,
                        principalTable: "report_artifacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_report_artifacts_request_id",
                table: "report_artifacts",
                column: "request_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_report_requests_artifact_id",
                table: "report_requests",
                column: "artifact_id");

            migrationBuilder.CreateIndex(
                name: "ix_report_requests_district_key",
                table: "report_requests",
                column: "district_key");

            migrationBuilder.CreateIndex(
                name: "ix_report_requests_network_id_requested_at",
                table: "report_requests",
                columns: new[] { "network_id", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ux_report_requests_open",
                table: "report_requests",
                columns: new[] { "network_id", "district_key", "kind", "period_start", "period_end" },
                unique: true,
                filter: "status in ('queued', 'running')")
                .Annotation("Npgsql:NullsDistinct", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_requests");

            migrationBuilder.DropIndex(
                name: "ix_report_artifacts_request_id",
                table: "report_artifacts");

            migrationBuilder.DropColumn(
                name: "request_id",
                table: "report_artifacts");
        }
    }
}
