using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecordHowRoundsEnded : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClosedByAgencyCode",
                table: "Rounds",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ClosedByRevision",
                table: "Rounds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Closing",
                table: "Rounds",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            // Rounds that ended before this release: how they ended, read from what they left.
            migrationBuilder.Sql("""
                UPDATE "Rounds" SET "Closing" = 'SilenceBroken',
                    "ClosedByAgencyCode" = (SELECT a."AgencyCode" FROM "RoundAgencies" a WHERE a."RoundId" = "Rounds"."Id" AND a."Status" = 'Objected' ORDER BY a."At" LIMIT 1)
                WHERE "Status" = 'Broken';
                UPDATE "Rounds" SET "Closing" = 'Cancelled',
                    "ClosedByRevision" = (SELECT min(v."Number") FROM "Revisions" v WHERE v."PaperId" = "Rounds"."PaperId" AND v."Number" > "Rounds"."RevisionNumber")
                WHERE "Status" = 'Cancelled';
                UPDATE "Rounds" SET "ClosedByAgencyCode" = (SELECT v."AuthorAgencyCode" FROM "Revisions" v WHERE v."PaperId" = "Rounds"."PaperId" AND v."Number" = "Rounds"."ClosedByRevision")
                WHERE "Status" = 'Cancelled' AND "ClosedByRevision" IS NOT NULL;
                UPDATE "Rounds" SET "Closing" = CASE WHEN "Procedure" = 'Silence' AND "CarriedOverFromRound" IS NULL THEN 'Adopted' ELSE 'Completed' END
                WHERE "Status" = 'Completed';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClosedByAgencyCode",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "ClosedByRevision",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "Closing",
                table: "Rounds");
        }
    }
}
