using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Server.Data.Migrations
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
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Regions",
                table: "Agencies",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "ResourcesUrl",
                table: "Agencies",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DirectoryTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Themes = table.Column<string>(type: "TEXT", nullable: false),
                    Regions = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
