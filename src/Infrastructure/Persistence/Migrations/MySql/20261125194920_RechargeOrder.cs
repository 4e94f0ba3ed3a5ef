using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeScan.Infrastructure.Persistence.Migrations.MySql
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
                type: "varchar(36)",
                maxLength: 36,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "varchar(36)",
                oldMaxLength: 36)
                .Annotation("MySql:CharSet", "utf8mb4")
                .OldAnnotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "order_id",
                table: "recharges",
                type: "varchar(36)",
                maxLength: 36,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

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

            migrationBuilder.UpdateData(
                table: "recharges",
                keyColumn: "recorded_by",
                keyValue: null,
                column: "recorded_by",
                value: "");

            migrationBuilder.AlterColumn<string>(
                name: "recorded_by",
                table: "recharges",
                type: "varchar(36)",
                maxLength: 36,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "varchar(36)",
                oldMaxLength: 36,
                oldNullable: true)
                .Annotation("MySql:CharSet", "utf8mb4")
                .OldAnnotation("MySql:CharSet", "utf8mb4");
        }
    }
}
