using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Bedarfsanalyse.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    action = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    subject_type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    subject_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    details = table.Column<string>(type: "jsonb", nullable: true),
                    remote_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "networks",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:IdentitySequenceOptions", "'1000', '1', '', '', 'False', '1'")
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    steering_committee_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    topics = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_networks", x => x.id);
                    table.CheckConstraint("ck_networks_key", "key ~ '^[a-z0-9][a-z0-9-]*$'");
                });

            migrationBuilder.CreateTable(
                name: "questionnaires",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questionnaires", x => x.id);
                    table.CheckConstraint("ck_questionnaires_key", "key ~ '^[a-z][a-z0-9_-]*$'");
                });

            migrationBuilder.CreateTable(
                name: "respondent_groups",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_establishment = table.Column<bool>(type: "boolean", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_respondent_groups", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "sector_groups",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sector_groups", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "size_classes",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    min_headcount = table.Column<int>(type: "integer", nullable: false),
                    max_headcount = table.Column<int>(type: "integer", nullable: true),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_size_classes", x => x.code);
                    table.CheckConstraint("ck_size_classes_range", "min_headcount >= 1 and (max_headcount is null or max_headcount >= min_headcount)");
                });

            migrationBuilder.CreateTable(
                name: "states",
                columns: table => new
                {
                    code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_states", x => x.code);
                    table.CheckConstraint("ck_states_code", "code ~ '^[0-9]{2}$'");
                });

            migrationBuilder.CreateTable(
                name: "questionnaire_versions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    questionnaire_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    definition = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questionnaire_versions", x => x.id);
                    table.CheckConstraint("ck_questionnaire_versions_number", "number >= 1");
                    table.CheckConstraint("ck_questionnaire_versions_published_at", "(status = 'published') = (published_at is not null)");
                    table.CheckConstraint("ck_questionnaire_versions_status", "status in ('draft', 'published')");
                    table.ForeignKey(
                        name: "fk_questionnaire_versions_questionnaires_questionnaire_id",
                        column: x => x.questionnaire_id,
                        principalTable: "questionnaires",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sectors",
                columns: table => new
                {
                    classification = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    sector_group_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sectors", x => new { x.classification, x.code });
                    table.ForeignKey(
                        name: "fk_sectors_sector_groups_sector_group_code",
                        column: x => x.sector_group_code,
                        principalTable: "sector_groups",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "districts",
                columns: table => new
                {
                    key = table.Column<string>(type: "character(5)", fixedLength: true, maxLength: 5, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    state_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: true),
                    territorial_status = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_districts", x => x.key);
                    table.CheckConstraint("ck_districts_key", "key ~ '^[0-9]{5}$'");
                    table.CheckConstraint("ck_districts_key_in_state", "left(key, 2) = state_code");
                    table.CheckConstraint("ck_districts_validity", "valid_until is null or valid_from is null or valid_from <= valid_until");
                    table.ForeignKey(
                        name: "fk_districts_states_state_code",
                        column: x => x.state_code,
                        principalTable: "states",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "establishments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    network_id = table.Column<int>(type: "integer", nullable: false),
                    district_key = table.Column<string>(type: "character(5)", fixedLength: true, maxLength: 5, nullable: false),
                    pseudonym = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sector_classification = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sector_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    headcount = table.Column<int>(type: "integer", nullable: true),
                    chamber = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_establishments", x => x.id);
                    table.CheckConstraint("ck_establishments_chamber", "chamber is null or chamber in ('hwk', 'ihk', 'both', 'none')");
                    table.CheckConstraint("ck_establishments_headcount", "headcount is null or headcount >= 1");
                    table.ForeignKey(
                        name: "fk_establishments_districts_district_key",
                        column: x => x.district_key,
                        principalTable: "districts",
                        principalColumn: "key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_establishments_networks_network_id",
                        column: x => x.network_id,
                        principalTable: "networks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_establishments_sectors_sector_classification_sector_code",
                        columns: x => new { x.sector_classification, x.sector_code },
                        principalTable: "sectors",
                        principalColumns: new[] { "classification", "code" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "network_districts",
                columns: table => new
                {
                    network_id = table.Column<int>(type: "integer", nullable: false),
                    district_key = table.Column<string>(type: "character(5)", fixedLength: true, maxLength: 5, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_network_districts", x => new { x.network_id, x.district_key });
                    table.ForeignKey(
                        name: "fk_network_districts_districts_district_key",
                        column: x => x.district_key,
                        principalTable: "districts",
                        principalColumn: "key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_network_districts_networks_network_id",
                        column: x => x.network_id,
                        principalTable: "networks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_artifacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    network_id = table.Column<int>(type: "integer", nullable: false),
                    district_key = table.Column<string>(type: "character(5)", fixedLength: true, maxLength: 5, nullable: true),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    template_version = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    questionnaire_version_ids = table.Column<int[]>(type: "integer[]", nullable: false),
                    model_snapshot = table.Column<string>(type: "jsonb", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    generated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_artifacts", x => x.id);
                    table.CheckConstraint("ck_report_artifacts_kind", "kind in ('pdf', 'xlsx', 'zip')");
                    table.CheckConstraint("ck_report_artifacts_period", "period_start < period_end");
                    table.CheckConstraint("ck_report_artifacts_sha256", "sha256 ~ '^[0-9a-f]{64}$'");
                    table.ForeignKey(
                        name: "fk_report_artifacts_districts_district_key",
                        column: x => x.district_key,
                        principalTable: "districts",
                        principalColumn: "key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_report_artifacts_networks_network_id",
                        column: x => x.network_id,
                        principalTable: "networks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "establishment_contacts",
                columns: table => new
                {
                    establishment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    street = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    postal_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    city = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_person = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_establishment_contacts", x => x.establishment_id);
                    table.CheckConstraint("ck_establishment_contacts_name", "length(trim(name)) > 0");
                    table.ForeignKey(
                        name: "fk_establishment_contacts_establishments_establishment_id",
                        column: x => x.establishment_id,
                        principalTable: "establishments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "interviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    network_id = table.Column<int>(type: "integer", nullable: false),
                    questionnaire_version_id = table.Column<int>(type: "integer", nullable: false),
                    respondent_group_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    district_key = table.Column<string>(type: "character(5)", fixedLength: true, maxLength: 5, nullable: false),
                    establishment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    interviewer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    conducted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    consent_given = table.Column<bool>(type: "boolean", nullable: false),
                    consent_given_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    consent_text_version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_interviews", x => x.id);
                    table.CheckConstraint("ck_interviews_completed_at", "status <> 'completed' or completed_at is not null");
                    table.CheckConstraint("ck_interviews_consent", "status <> 'completed' or (consent_given and consent_given_at is not null and consent_text_version is not null)");
                    table.CheckConstraint("ck_interviews_status", "status in ('draft', 'completed', 'withdrawn')");
                    table.ForeignKey(
                        name: "fk_interviews_districts_district_key",
                        column: x => x.district_key,
                        principalTable: "districts",
                        principalColumn: "key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_interviews_establishments_establishment_id",
                        column: x => x.establishment_id,
                        principalTable: "establishments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_interviews_networks_network_id",
                        column: x => x.network_id,
                        principalTable: "networks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_interviews_questionnaire_versions_questionnaire_version_id",
                        column: x => x.questionnaire_version_id,
                        principalTable: "questionnaire_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_interviews_respondent_groups_respondent_group_code",
                        column: x => x.respondent_group_code,
                        principalTable: "respondent_groups",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "artifact_contents",
                columns: table => new
                {
                    artifact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_artifact_contents", x => x.artifact_id);
                    table.ForeignKey(
                        name: "fk_artifact_contents_report_artifacts_artifact_id",
                        column: x => x.artifact_id,
                        principalTable: "report_artifacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "answers",
                columns: table => new
                {
                    interview_id = table.Column<Guid>(type: "uuid", nullable: false),
                    question = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    item = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    position = table.Column<short>(type: "smallint", nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    number = table.Column<decimal>(type: "numeric", nullable: true),
                    text = table.Column<string>(type: "text", nullable: true),
                    date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_answers", x => new { x.interview_id, x.question, x.item, x.position });
                    table.CheckConstraint("ck_answers_one_value", "num_nonnulls(code, number, text, date) = 1");
                    table.ForeignKey(
                        name: "fk_answers_interviews_interview_id",
                        column: x => x.interview_id,
                        principalTable: "interviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "networks",
                columns: new[] { "id", "key", "name", "steering_committee_name", "topics" },
                values: new object[,]
                {
                    { 1, "mehrwert", "Weiterbildungsverbund MehrWert", "Steuerkreis", "Digitalisierung, neue Arbeitsformen, generationenübergreifendes Arbeiten" },
                    { 2, "leine-weser", "Fachkräftebündnis Leine-Weser", "Steuerkreis", "Stille Reserven aktivieren, Beschäftigungsfähigkeit im digitalen Wandel, Zugang für Geflüchtete" },
                    { 3, "suedostniedersachsen", "Kooperative Weiterbildung Südostniedersachsen", "Steuerkreis", "Weiterbildung in kleinen und mittleren Unternehmen; Arbeitsgruppen tagen quartalsweise" }
                });

            migrationBuilder.InsertData(
                table: "respondent_groups",
                columns: new[] { "code", "is_establishment", "name", "sort_order" },
                values: new object[,]
                {
                    { "apprentices", false, "Auszubildende", 4 },
                    { "employees_55plus", false, "Ältere Beschäftigte (55 und älter)", 2 },
                    { "employees_immigration", false, "Beschäftigte mit Einwanderungsgeschichte", 5 },
                    { "employees_under25", false, "Jüngere Beschäftigte (unter 25)", 3 },
                    { "establishment", true, "Betriebe", 1 }
                });

            migrationBuilder.InsertData(
                table: "sector_groups",
                columns: new[] { "code", "name", "sort_order" },
                values: new object[,]
                {
                    { "A", "Land- und Forstwirtschaft, Fischerei", 1 },
                    { "B-F", "Produzierendes Gewerbe", 2 },
                    { "G-I", "Handel, Verkehr, Gastgewerbe", 3 },
                    { "J-N", "Information, Finanzen, Immobilien, Unternehmensdienstleistungen", 4 },
                    { "O-U", "Öffentliche und sonstige Dienstleistungen, Erziehung, Gesundheit", 5 }
                });

            migrationBuilder.InsertData(
                table: "size_classes",
                columns: new[] { "code", "label", "max_headcount", "min_headcount", "sort_order" },
                values: new object[,]
                {
                    { "1-9", "1–9 Beschäftigte", 9, 1, 1 },
                    { "10-49", "10–49 Beschäftigte", 49, 10, 2 },
                    { "250+", "250 und mehr Beschäftigte", null, 250, 4 },
                    { "50-249", "50–249 Beschäftigte", 249, 50, 3 }
                });

            migrationBuilder.InsertData(
                table: "states",
                columns: new[] { "code", "name" },
                values: new object[,]
                {
                    { "01", "Schleswig-Holstein" },
                    { "02", "Hamburg" },
                    { "03", "Niedersachsen" },
                    { "04", "Bremen" },
                    { "05", "Nordrhein-Westfalen" },
                    { "06", "Hessen" },
                    { "07", "Rheinland-Pfalz" },
                    { "08", "Baden-Württemberg" },
                    { "09", "Bayern" },
                    { "10", "Saarland" },
                    { "11", "Berlin" },
                    { "12", "Brandenburg" },
                    { "13", "Mecklenburg-Vorpommern" },
                    { "14", "Sachsen" },
                    { "15", "Sachsen-Anhalt" },
                    { "16", "Thüringen" }
                });

            migrationBuilder.InsertData(
                table: "districts",
                columns: new[] { "key", "kind", "name", "state_code", "territorial_status", "valid_from", "valid_until" },
                values: new object[,]
                {
                    { "03101", "Kreisfreie Stadt", "Braunschweig", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03102", "Kreisfreie Stadt", "Salzgitter", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03103", "Kreisfreie Stadt", "Wolfsburg", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03151", "Landkreis", "Gifhorn", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03152", "Landkreis", "Göttingen (bis 2016)", "03", new DateOnly(2016, 11, 1), null, new DateOnly(2016, 10, 31) },
                    { "03153", "Landkreis", "Goslar", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03154", "Landkreis", "Helmstedt", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03155", "Landkreis", "Northeim", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03156", "Landkreis", "Osterode am Harz", "03", new DateOnly(2016, 11, 1), null, new DateOnly(2016, 10, 31) },
                    { "03157", "Landkreis", "Peine", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03158", "Landkreis", "Wolfenbüttel", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03159", "Landkreis", "Göttingen", "03", new DateOnly(2016, 11, 1), new DateOnly(2016, 11, 1), null },
                    { "03241", "Region", "Region Hannover", "03", new DateOnly(2016, 11, 1), new DateOnly(2001, 11, 1), null },
                    { "03251", "Landkreis", "Diepholz", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03252", "Landkreis", "Hameln-Pyrmont", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03254", "Landkreis", "Hildesheim", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03255", "Landkreis", "Holzminden", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03256", "Landkreis", "Nienburg (Weser)", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03257", "Landkreis", "Schaumburg", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03351", "Landkreis", "Celle", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03352", "Landkreis", "Cuxhaven", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03353", "Landkreis", "Harburg", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03354", "Landkreis", "Lüchow-Dannenberg", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03355", "Landkreis", "Lüneburg", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03356", "Landkreis", "Osterholz", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03357", "Landkreis", "Rotenburg (Wümme)", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03358", "Landkreis", "Heidekreis", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03359", "Landkreis", "Stade", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03360", "Landkreis", "Uelzen", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03361", "Landkreis", "Verden", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03401", "Kreisfreie Stadt", "Delmenhorst", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03402", "Kreisfreie Stadt", "Emden", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03403", "Kreisfreie Stadt", "Oldenburg (Oldb)", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03404", "Kreisfreie Stadt", "Osnabrück", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03405", "Kreisfreie Stadt", "Wilhelmshaven", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03451", "Landkreis", "Ammerland", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03452", "Landkreis", "Aurich", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03453", "Landkreis", "Cloppenburg", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03454", "Landkreis", "Emsland", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03455", "Landkreis", "Friesland", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03456", "Landkreis", "Grafschaft Bentheim", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03457", "Landkreis", "Leer", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03458", "Landkreis", "Oldenburg", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03459", "Landkreis", "Osnabrück", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03460", "Landkreis", "Vechta", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03461", "Landkreis", "Wesermarsch", "03", new DateOnly(2016, 11, 1), null, null },
                    { "03462", "Landkreis", "Wittmund", "03", new DateOnly(2016, 11, 1), null, null }
                });

            migrationBuilder.InsertData(
                table: "sectors",
                columns: new[] { "classification", "code", "name", "sector_group_code" },
                values: new object[,]
                {
                    { "WZ2008", "A", "Land- und Forstwirtschaft, Fischerei", "A" },
                    { "WZ2008", "B", "Bergbau und Gewinnung von Steinen und Erden", "B-F" },
                    { "WZ2008", "C", "Verarbeitendes Gewerbe", "B-F" },
                    { "WZ2008", "D", "Energieversorgung", "B-F" },
                    { "WZ2008", "E", "Wasserversorgung; Abwasser- und Abfallentsorgung, Beseitigung von Umweltverschmutzungen", "B-F" },
                    { "WZ2008", "F", "Baugewerbe", "B-F" },
                    { "WZ2008", "G", "Handel; Instandhaltung und Reparatur von Kraftfahrzeugen", "G-I" },
                    { "WZ2008", "H", "Verkehr und Lagerei", "G-I" },
                    { "WZ2008", "I", "Gastgewerbe", "G-I" },
                    { "WZ2008", "J", "Information und Kommunikation", "J-N" },
                    { "WZ2008", "K", "Erbringung von Finanz- und Versicherungsdienstleistungen", "J-N" },
                    { "WZ2008", "L", "Grundstücks- und Wohnungswesen", "J-N" },
                    { "WZ2008", "M", "Erbringung von freiberuflichen, wissenschaftlichen und technischen Dienstleistungen", "J-N" },
                    { "WZ2008", "N", "Erbringung von sonstigen wirtschaftlichen Dienstleistungen", "J-N" },
                    { "WZ2008", "O", "Öffentliche Verwaltung, Verteidigung; Sozialversicherung", "O-U" },
                    { "WZ2008", "P", "Erziehung und Unterricht", "O-U" },
                    { "WZ2008", "Q", "Gesundheits- und Sozialwesen", "O-U" },
                    { "WZ2008", "R", "Kunst, Unterhaltung und Erholung", "O-U" },
                    { "WZ2008", "S", "Erbringung von sonstigen Dienstleistungen", "O-U" },
                    { "WZ2008", "T", "Private Haushalte mit Hauspersonal; Herstellung von Waren und Erbringung von Dienstleistungen durch private Haushalte für den Eigenbedarf", "O-U" },
                    { "WZ2008", "U", "Exterritoriale Organisationen und Körperschaften", "O-U" }
                });

            migrationBuilder.InsertData(
                table: "network_districts",
                columns: new[] { "district_key", "network_id" },
                values: new object[,]
                {
                    { "03251", 1 },
                    { "03252", 1 },
                    { "03255", 1 },
                    { "03256", 1 },
                    { "03257", 1 },
                    { "03453", 1 },
                    { "03460", 1 },
                    { "03241", 2 },
                    { "03252", 2 },
                    { "03254", 2 },
                    { "03255", 2 },
                    { "03256", 2 },
                    { "03257", 2 },
                    { "03101", 3 },
                    { "03102", 3 },
                    { "03103", 3 },
                    { "03151", 3 },
                    { "03153", 3 },
                    { "03154", 3 },
                    { "03157", 3 },
                    { "03158", 3 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_actor_id",
                table: "audit_events",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_occurred_at",
                table: "audit_events",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_subject_type_subject_id",
                table: "audit_events",
                columns: new[] { "subject_type", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_districts_state_code",
                table: "districts",
                column: "state_code");

            migrationBuilder.CreateIndex(
                name: "ix_establishments_district_key",
                table: "establishments",
                column: "district_key");

            migrationBuilder.CreateIndex(
                name: "ix_establishments_network_id_district_key",
                table: "establishments",
                columns: new[] { "network_id", "district_key" });

            migrationBuilder.CreateIndex(
                name: "ix_establishments_pseudonym",
                table: "establishments",
                column: "pseudonym",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_establishments_sector_classification_sector_code",
                table: "establishments",
                columns: new[] { "sector_classification", "sector_code" });

            migrationBuilder.CreateIndex(
                name: "ix_interviews_district_key_conducted_on",
                table: "interviews",
                columns: new[] { "district_key", "conducted_on" });

            migrationBuilder.CreateIndex(
                name: "ix_interviews_establishment_id",
                table: "interviews",
                column: "establishment_id");

            migrationBuilder.CreateIndex(
                name: "ix_interviews_interviewer_id_status",
                table: "interviews",
                columns: new[] { "interviewer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_interviews_network_id_conducted_on",
                table: "interviews",
                columns: new[] { "network_id", "conducted_on" });

            migrationBuilder.CreateIndex(
                name: "ix_interviews_questionnaire_version_id",
                table: "interviews",
                column: "questionnaire_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_interviews_respondent_group_code",
                table: "interviews",
                column: "respondent_group_code");

            migrationBuilder.CreateIndex(
                name: "ix_network_districts_district_key",
                table: "network_districts",
                column: "district_key");

            migrationBuilder.CreateIndex(
                name: "ix_networks_key",
                table: "networks",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_questionnaire_versions_questionnaire_id_number",
                table: "questionnaire_versions",
                columns: new[] { "questionnaire_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_questionnaires_key",
                table: "questionnaires",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_report_artifacts_district_key",
                table: "report_artifacts",
                column: "district_key");

            migrationBuilder.CreateIndex(
                name: "ix_report_artifacts_network_id_district_key_period_start",
                table: "report_artifacts",
                columns: new[] { "network_id", "district_key", "period_start" });

            migrationBuilder.CreateIndex(
                name: "ix_sectors_sector_group_code",
                table: "sectors",
                column: "sector_group_code");

            // A published questionnaire version is immutable: interviews pin it, analysis compares against it.
            migrationBuilder.Sql("""
                create function refuse_published_version_change() returns trigger language plpgsql as $$
                begin
                    if tg_op = 'DELETE' then
                        raise exception 'Fragebogenversion % ist veröffentlicht und kann nicht gelöscht werden.', old.id
                            using errcode = 'P0001', hint = 'Legen Sie eine neue Version an.';
                    end if;
                    raise exception 'Fragebogenversion % ist veröffentlicht und kann nicht geändert werden.', old.id
                        using errcode = 'P0001', hint = 'Legen Sie eine neue Version an.';
                end $$;
                create trigger questionnaire_versions_immutable
                    before update or delete on questionnaire_versions
                    for each row when (old.status = 'published')
                    execute function refuse_published_version_change();
                """);

            // The audit trail is append-only: no update, from the app or anywhere else.
            migrationBuilder.Sql("""
                create function refuse_audit_event_update() returns trigger language plpgsql as $$
                begin
                    raise exception 'Einträge des Prüfprotokolls können nicht geändert werden.' using errcode = 'P0001';
                end $$;
                create trigger audit_events_append_only
                    before update on audit_events
                    for each row execute function refuse_audit_event_update();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("drop trigger if exists audit_events_append_only on audit_events; drop function if exists refuse_audit_event_update();");
            migrationBuilder.Sql("drop trigger if exists questionnaire_versions_immutable on questionnaire_versions; drop function if exists refuse_published_version_change();");
            migrationBuilder.DropTable(
                name: "answers");

            migrationBuilder.DropTable(
                name: "artifact_contents");

            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "establishment_contacts");

            migrationBuilder.DropTable(
                name: "network_districts");

            migrationBuilder.DropTable(
                name: "size_classes");

            migrationBuilder.DropTable(
                name: "interviews");

            migrationBuilder.DropTable(
                name: "report_artifacts");

            migrationBuilder.DropTable(
                name: "establishments");

            migrationBuilder.DropTable(
                name: "questionnaire_versions");

            migrationBuilder.DropTable(
                name: "respondent_groups");

            migrationBuilder.DropTable(
                name: "districts");

            migrationBuilder.DropTable(
                name: "networks");

            migrationBuilder.DropTable(
                name: "sectors");

            migrationBuilder.DropTable(
                name: "questionnaires");

            migrationBuilder.DropTable(
                name: "states");

            migrationBuilder.DropTable(
                name: "sector_groups");
        }
    }
}
