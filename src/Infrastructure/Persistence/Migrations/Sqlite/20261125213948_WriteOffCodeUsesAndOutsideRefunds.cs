using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeScan.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WriteOffCodeUsesAndOutsideRefunds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "uses",
                table: "write_off_codes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<long>(
                name: "outside_to_refund",
                table: "redemption_reversals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_write_off_codes_instrument_id",
                table: "write_off_codes",
                column: "instrument_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_write_off_codes_instrument_id",
                table: "write_off_codes");

            migrationBuilder.DropColumn(
                name: "uses",
                table: "write_off_codes");

            migrationBuilder.DropColumn(
                name: "outside_to_refund",
                table: "redemption_reversals");
        }
    }
}
