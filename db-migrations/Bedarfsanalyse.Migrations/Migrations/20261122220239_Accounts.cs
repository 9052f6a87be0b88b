using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Bedarfsanalyse.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Accounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "contact_retention_months",
                table: "networks",
                type: "integer",
                nullable: false,
                defaultValue: 12);

            migrationBuilder.AddColumn<string>(
                name: "report_schedule",
                table: "networks",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "0 6 1 1,4,7,10 *");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "contact_erased_at",
                table: "establishments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "consent_texts",
                columns: table => new
                {
                    version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consent_texts", x => x.version);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "field_targets",
                columns: table => new
                {
                    network_id = table.Column<int>(type: "integer", nullable: false),
                    district_key = table.Column<string>(type: "character(5)", fixedLength: true, maxLength: 5, nullable: false),
                    respondent_group_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    quarter = table.Column<int>(type: "integer", nullable: false),
                    target = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_field_targets", x => new { x.network_id, x.district_key, x.respondent_group_code, x.year, x.quarter });
                    table.CheckConstraint("ck_field_targets_quarter", "quarter between 1 and 4");
                    table.CheckConstraint("ck_field_targets_target", "target >= 0");
                    table.ForeignKey(
                        name: "fk_field_targets_network_districts_network_id_district_key",
                        columns: x => new { x.network_id, x.district_key },
                        principalTable: "network_districts",
                        principalColumns: new[] { "network_id", "district_key" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_field_targets_networks_network_id",
                        column: x => x.network_id,
                        principalTable: "networks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_field_targets_respondent_groups_respondent_group_code",
                        column: x => x.respondent_group_code,
                        principalTable: "respondent_groups",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "population_margins",
                columns: table => new
                {
                    network_id = table.Column<int>(type: "integer", nullable: false),
                    district_key = table.Column<string>(type: "character(5)", fixedLength: true, maxLength: 5, nullable: false),
                    size_class_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    sector_group_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    establishments = table.Column<int>(type: "integer", nullable: false),
                    employees = table.Column<int>(type: "integer", nullable: true),
                    source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_population_margins", x => new { x.network_id, x.district_key, x.size_class_code, x.sector_group_code });
                    table.CheckConstraint("ck_population_margins_counts", "establishments >= 0 and (employees is null or employees >= 0)");
                    table.ForeignKey(
                        name: "fk_population_margins_network_districts_network_id_district_key",
                        columns: x => new { x.network_id, x.district_key },
                        principalTable: "network_districts",
                        principalColumns: new[] { "network_id", "district_key" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_population_margins_sector_groups_sector_group_code",
                        column: x => x.sector_group_code,
                        principalTable: "sector_groups",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_population_margins_size_classes_size_class_code",
                        column: x => x.size_class_code,
                        principalTable: "size_classes",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    network_id = table.Column<int>(type: "integer", nullable: true),
                    must_change_password = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                    table.ForeignKey(
                        name: "fk_users_networks_network_id",
                        column: x => x.network_id,
                        principalTable: "networks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_claims_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "api_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    prefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_tokens", x => x.id);
                    table.CheckConstraint("ck_api_tokens_hash", "hash ~ '^[0-9a-f]{64}$'");
                    table.ForeignKey(
                        name: "fk_api_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_districts",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    district_key = table.Column<string>(type: "character(5)", fixedLength: true, maxLength: 5, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_districts", x => new { x.user_id, x.district_key });
                    table.ForeignKey(
                        name: "fk_user_districts_districts_district_key",
                        column: x => x.district_key,
                        principalTable: "districts",
                        principalColumn: "key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_user_districts_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_user_roles_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_roles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "consent_texts",
                columns: new[] { "version", "text", "valid_from" },
                values: new object[] { "2026-1", "Ich bin damit einverstanden, dass meine Angaben in diesem Interview für die Analyse des Weiterbildungsbedarfs im Verbund gespeichert und ausgewertet werden (Art. 6 Abs. 1 lit. a DSGVO). Die Teilnahme ist freiwillig. Ich kann meine Einwilligung jederzeit mit Wirkung für die Zukunft widerrufen (Art. 7 Abs. 3 DSGVO). Name, Anschrift und Ansprechperson des Betriebs werden getrennt von den Antworten gespeichert und nach Abschluss der Feldphase gelöscht; Auswertungen und Berichte enthalten nur pseudonymisierte und zusammengefasste Angaben. Verantwortlich ist der Verbund; Auskunft, Berichtigung und Löschung können Sie jederzeit verlangen (Art. 13, 15–17 DSGVO).", new DateOnly(2026, 1, 1) });

            migrationBuilder.UpdateData(
                table: "networks",
                keyColumn: "id",
                keyValue: 1,
                columns: new[] { "contact_retention_months", "report_schedule" },
                values: new object[] { 12, "0 6 1 1,4,7,10 *" });

            migrationBuilder.UpdateData(
                table: "networks",
                keyColumn: "id",
                keyValue: 2,
                columns: new[] { "contact_retention_months", "report_schedule" },
                values: new object[] { 12, "0 6 1 1,4,7,10 *" });

            migrationBuilder.UpdateData(
                table: "networks",
                keyColumn: "id",
                keyValue: 3,
                columns: new[] { "contact_retention_months", "report_schedule" },
                values: new object[] { 12, "0 6 1 1,4,7,10 *" });

            migrationBuilder.InsertData(
                table: "roles",
                columns: new[] { "id", "concurrency_stamp", "name", "normalized_name" },
                values: new object[,]
                {
                    { new Guid("6a1f0c2e-0000-4000-8000-000000000001"), "6a1f0c2e-0000-4000-8000-000000000001", "Interviewer", "INTERVIEWER" },
                    { new Guid("6a1f0c2e-0000-4000-8000-000000000002"), "6a1f0c2e-0000-4000-8000-000000000002", "Steering", "STEERING" },
                    { new Guid("6a1f0c2e-0000-4000-8000-000000000003"), "6a1f0c2e-0000-4000-8000-000000000003", "Analyst", "ANALYST" },
                    { new Guid("6a1f0c2e-0000-4000-8000-000000000004"), "6a1f0c2e-0000-4000-8000-000000000004", "Admin", "ADMIN" }
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_networks_retention",
                table: "networks",
                sql: "contact_retention_months between 1 and 120");

            migrationBuilder.CreateIndex(
                name: "ix_interviews_consent_text_version",
                table: "interviews",
                column: "consent_text_version");

            migrationBuilder.CreateIndex(
                name: "ix_api_tokens_hash",
                table: "api_tokens",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_tokens_user_id",
                table: "api_tokens",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_field_targets_respondent_group_code",
                table: "field_targets",
                column: "respondent_group_code");

            migrationBuilder.CreateIndex(
                name: "ix_population_margins_sector_group_code",
                table: "population_margins",
                column: "sector_group_code");

            migrationBuilder.CreateIndex(
                name: "ix_population_margins_size_class_code",
                table: "population_margins",
                column: "size_class_code");

            migrationBuilder.CreateIndex(
                name: "ix_role_claims_role_id",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_districts_district_key",
                table: "user_districts",
                column: "district_key");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_roles_role_id",
                table: "user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_users_network_id",
                table: "users",
                column: "network_id");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_interviews_consent_texts_consent_text_version",
                table: "interviews",
                column: "consent_text_version",
                principalTable: "consent_texts",
                principalColumn: "version",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_interviews_users_interviewer_id",
                table: "interviews",
                column: "interviewer_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_interviews_consent_texts_consent_text_version",
                table: "interviews");

            migrationBuilder.DropForeignKey(
                name: "fk_interviews_users_interviewer_id",
                table: "interviews");

            migrationBuilder.DropTable(
                name: "api_tokens");

            migrationBuilder.DropTable(
                name: "consent_texts");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "field_targets");

            migrationBuilder.DropTable(
                name: "population_margins");

            migrationBuilder.DropTable(
                name: "role_claims");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_districts");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_roles");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropCheckConstraint(
                name: "ck_networks_retention",
                table: "networks");

            migrationBuilder.DropIndex(
                name: "ix_interviews_consent_text_version",
                table: "interviews");

            migrationBuilder.DropColumn(
                name: "contact_retention_months",
                table: "networks");

            migrationBuilder.DropColumn(
                name: "report_schedule",
                table: "networks");

            migrationBuilder.DropColumn(
                name: "contact_erased_at",
                table: "establishments");
        }
    }
}
