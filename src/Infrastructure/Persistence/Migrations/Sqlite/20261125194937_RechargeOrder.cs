using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeScan.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RechargeOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "recorded_by",
                table: "recharges",
                type: "TEXT",
                maxLength: 36,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 36);

            migrationBuilder.AddColumn<string>(
                name: "order_id",
                table: "recharges",
                type: "TEXT",
                maxLength: 36,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_recharges_order_id",
                table: "recharges",
                column: "order_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_recharges_order_id",
                table: "recharges");

            migrationBuilder.DropColumn(
                name: "order_id",
                table: "recharges");

            migrationBuilder.AlterColumn<string>(
                name: "recorded_by",
                table: "recharges",
                type: "TEXT",
                maxLength: 36,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 36,
                oldNullable: true);
        }
    }
}
