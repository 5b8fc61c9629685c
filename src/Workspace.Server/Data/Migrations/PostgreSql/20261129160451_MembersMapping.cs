using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Server.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class MembersMapping : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "KeyActivities",
                table: "Agencies",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<List<string>>(
                name: "Regions",
                table: "Agencies",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "ResourcesUrl",
                table: "Agencies",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DirectoryTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Themes = table.Column<List<string>>(type: "text[]", nullable: false),
                    Regions = table.Column<List<string>>(type: "text[]", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryTerms", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectoryTerms");

            migrationBuilder.DropColumn(
                name: "KeyActivities",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "Regions",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "ResourcesUrl",
                table: "Agencies");
        }
    }
}
