using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Workspace.Server.Data.Migrations.PostgreSql
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
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ClearanceRequired",
                table: "Rounds",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Signers",
                table: "Rounds",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Participants");

            migrationBuilder.AddColumn<string>(
                name: "ClearanceSteps",
                table: "RoundAgencies",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "ClearedSteps",
                table: "RoundAgencies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "OnBehalfOf",
                table: "RoundAgencies",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Alternates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AlternateEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    From = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    To = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alternates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClearanceActions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    StepName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    OnBehalfOf = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Comment = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true)
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
                    AgencyCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Steps = table.Column<string>(type: "text", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Signers = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AgencyCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    Procedure = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    MinimumNotice = table.Column<TimeSpan>(type: "interval", nullable: false),
                    ClearanceRequired = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
