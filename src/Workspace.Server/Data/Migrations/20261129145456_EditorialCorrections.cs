using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class EditorialCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CarriedOverFromRound",
                table: "Rounds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CorrectedAt",
                table: "Papers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PendingCorrectionRevision",
                table: "Papers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Corrections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PaperId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RevisionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    CorrectedRevisionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SignatoryAgencyCodes = table.Column<string>(type: "TEXT", nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProposedByAgencyCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ObjectedByAgencyCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ObjectedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ObjectedOnBehalfOf = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Objection = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Corrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Corrections_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Corrections_PaperId_RevisionNumber",
                table: "Corrections",
                columns: new[] { "PaperId", "RevisionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Corrections_Status_Deadline",
                table: "Corrections",
                columns: new[] { "Status", "Deadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Corrections");

            migrationBuilder.DropColumn(
                name: "CarriedOverFromRound",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "CorrectedAt",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "PendingCorrectionRevision",
                table: "Papers");
        }
    }
}
