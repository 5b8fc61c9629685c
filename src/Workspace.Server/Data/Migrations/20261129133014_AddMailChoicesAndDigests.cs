using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddMailChoicesAndDigests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DigestId",
                table: "OutgoingMail",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HeldForDigest",
                table: "OutgoingMail",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Link",
                table: "OutgoingMail",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Unsubscribe",
                table: "OutgoingMail",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MailChoices",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailChoices", x => new { x.PersonId, x.Kind });
                    table.ForeignKey(
                        name: "FK_MailChoices_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMail_HeldForDigest_DigestId_PersonId",
                table: "OutgoingMail",
                columns: new[] { "HeldForDigest", "DigestId", "PersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MailChoices");

            migrationBuilder.DropIndex(
                name: "IX_OutgoingMail_HeldForDigest_DigestId_PersonId",
                table: "OutgoingMail");

            migrationBuilder.DropColumn(
                name: "DigestId",
                table: "OutgoingMail");

            migrationBuilder.DropColumn(
                name: "HeldForDigest",
                table: "OutgoingMail");

            migrationBuilder.DropColumn(
                name: "Link",
                table: "OutgoingMail");

            migrationBuilder.DropColumn(
                name: "Unsubscribe",
                table: "OutgoingMail");
        }
    }
}
