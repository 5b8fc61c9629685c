using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class SignOffRulesClearanceAndAlternates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OnBehalfOf",
                table: "SignOffDecisions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ClearanceRequired",
                table: "Rounds",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Signers",
                table: "Rounds",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Participants");

            migrationBuilder.AddColumn<string>(
                name: "ClearanceSteps",
                table: "RoundAgencies",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "ClearedSteps",
                table: "RoundAgencies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "OnBehalfOf",
                table: "RoundAgencies",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Alternates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AlternateEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    From = table.Column<DateTime>(type: "TEXT", nullable: false),
                    To = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alternates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClearanceActions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    StepName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OnBehalfOf = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClearanceActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClearanceActions_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClearanceChains",
                columns: table => new
                {
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Steps = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClearanceChains", x => x.AgencyCode);
                    table.ForeignKey(
                        name: "FK_ClearanceChains_Agencies_AgencyCode",
                        column: x => x.AgencyCode,
                        principalTable: "Agencies",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SignOffRules",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Signers = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AgencyCodes = table.Column<string>(type: "TEXT", nullable: false),
                    Procedure = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MinimumNotice = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    ClearanceRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignOffRules", x => x.Kind);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Alternates_AlternateEmail_PersonEmail",
                table: "Alternates",
                columns: new[] { "AlternateEmail", "PersonEmail" });

            migrationBuilder.CreateIndex(
                name: "IX_Alternates_PersonEmail",
                table: "Alternates",
                column: "PersonEmail");

            migrationBuilder.CreateIndex(
                name: "IX_ClearanceActions_RoundId_AgencyCode",
                table: "ClearanceActions",
                columns: new[] { "RoundId", "AgencyCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Alternates");

            migrationBuilder.DropTable(
                name: "ClearanceActions");

            migrationBuilder.DropTable(
                name: "ClearanceChains");

            migrationBuilder.DropTable(
                name: "SignOffRules");

            migrationBuilder.DropColumn(
                name: "OnBehalfOf",
                table: "SignOffDecisions");

            migrationBuilder.DropColumn(
                name: "ClearanceRequired",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "Signers",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "ClearanceSteps",
                table: "RoundAgencies");

            migrationBuilder.DropColumn(
                name: "ClearedSteps",
                table: "RoundAgencies");

            migrationBuilder.DropColumn(
                name: "OnBehalfOf",
                table: "RoundAgencies");
        }
    }
}
