using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class NoticesFollowTheLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Notice",
                table: "EventLog",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReactionCheckpoints",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReactionCheckpoints", x => x.Name);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReactionCheckpoints");

            migrationBuilder.DropColumn(
                name: "Notice",
                table: "EventLog");
        }
    }
}
