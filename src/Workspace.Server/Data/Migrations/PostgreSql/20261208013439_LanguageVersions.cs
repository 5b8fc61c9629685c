using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Server.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class LanguageVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "RequiredLanguages",
                table: "SignOffRules",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "OriginalLanguage",
                table: "Papers",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.AddColumn<List<string>>(
                name: "VersionLanguages",
                table: "Papers",
                type: "text[]",
                nullable: false);

            migrationBuilder.CreateTable(
                name: "LanguageReviewers",
                columns: table => new
                {
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Emails = table.Column<List<string>>(type: "text[]", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LanguageReviewers", x => x.Language);
                });

            migrationBuilder.CreateTable(
                name: "LanguageVersions",
                columns: table => new
                {
                    PaperId = table.Column<Guid>(type: "uuid", nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    BasedOnRevision = table.Column<int>(type: "integer", nullable: false),
                    BasedOnHash = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AuthorAgencyCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reviewer = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ConfirmedRevision = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LanguageVersions", x => new { x.PaperId, x.Language });
                    table.ForeignKey(
                        name: "FK_LanguageVersions_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VersionRevisions",
                columns: table => new
                {
                    PaperId = table.Column<Guid>(type: "uuid", nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    BasedOnRevision = table.Column<int>(type: "integer", nullable: false),
                    BasedOnHash = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AuthorAgencyCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VersionRevisions", x => new { x.PaperId, x.Language, x.Number });
                    table.ForeignKey(
                        name: "FK_VersionRevisions_LanguageVersions_PaperId_Language",
                        columns: x => new { x.PaperId, x.Language },
                        principalTable: "LanguageVersions",
                        principalColumns: new[] { "PaperId", "Language" },
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LanguageReviewers");

            migrationBuilder.DropTable(
                name: "VersionRevisions");

            migrationBuilder.DropTable(
                name: "LanguageVersions");

            migrationBuilder.DropColumn(
                name: "RequiredLanguages",
                table: "SignOffRules");

            migrationBuilder.DropColumn(
                name: "OriginalLanguage",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "VersionLanguages",
                table: "Papers");
        }
    }
}
