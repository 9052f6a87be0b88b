using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bedarfsanalyse.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class WithdrawnInterviewsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_interviews_withdrawn_network_id_conducted_on",
                table: "interviews",
                columns: new[] { "network_id", "conducted_on" },
                filter: "status = 'withdrawn'")
                .Annotation("Npgsql:IndexInclude", new[] { "district_key", "completed_at", "withdrawn_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_interviews_withdrawn_network_id_conducted_on",
                table: "interviews");
        }
    }
}
