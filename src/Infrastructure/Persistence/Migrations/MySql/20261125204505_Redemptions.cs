using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeScan.Infrastructure.Persistence.Migrations.MySql
{
    /// <inheritdoc />
    public partial class Redemptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "acted_by",
                table: "redemptions",
                type: "varchar(36)",
                maxLength: 36,
                nullable: false,
                defaultValue: "")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "channel",
                table: "redemptions",
                type: "varchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<long>(
                name: "coupon_discount",
                table: "redemptions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "coupon_id",
                table: "redemptions",
                type: "varchar(36)",
                maxLength: 36,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<bool>(
                name: "fully_reversed",
                table: "redemptions",
                type: "tinyint(1)",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "membership_card_id",
                table: "redemptions",
                type: "varchar(36)",
                maxLength: 36,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<long>(
                name: "membership_discount",
                table: "redemptions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "paid_outside",
                table: "redemptions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "revenue_recognised",
                table: "redemptions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "reversed_bonus",
                table: "redemptions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "reversed_principal",
                table: "redemptions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "reversed_uses",
                table: "redemptions",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "times_card_id",
                table: "redemptions",
                type: "varchar(36)",
                maxLength: 36,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<int>(
                name: "uses",
                table: "redemptions",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "amount_paid",
                table: "coupons",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "used_at",
                table: "coupons",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "used_by",
                table: "coupons",
                type: "varchar(36)",
                maxLength: 36,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<long>(
                name: "amount_paid",
                table: "cards",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "uses_used",
                table: "cards",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Payments made before this migration were all confirmed by the customer.
            migrationBuilder.Sql("UPDATE redemptions SET acted_by = customer_id, channel = 'CustomerScan' WHERE channel = '';");

            migrationBuilder.CreateTable(
                name: "redemption_reversals",
                columns: table => new
                {
                    id = table.Column<string>(type: "varchar(36)", maxLength: 36, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    redemption_id = table.Column<string>(type: "varchar(36)", maxLength: 36, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    merchant_id = table.Column<string>(type: "varchar(36)", maxLength: 36, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    customer_id = table.Column<string>(type: "varchar(36)", maxLength: 36, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    mode = table.Column<string>(type: "varchar(20)", maxLength: 20, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    principal_restored = table.Column<long>(type: "bigint", nullable: false),
                    bonus_restored = table.Column<long>(type: "bigint", nullable: false),
                    uses_restored = table.Column<int>(type: "int", nullable: false),
                    times_card_id = table.Column<string>(type: "varchar(36)", maxLength: 36, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    coupon_id = table.Column<string>(type: "varchar(36)", maxLength: 36, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    coupon_restored = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    revenue_reversed = table.Column<long>(type: "bigint", nullable: false),
                    reason = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    reversed_by = table.Column<string>(type: "varchar(36)", maxLength: 36, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    currency = table.Column<string>(type: "varchar(3)", maxLength: 3, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    created_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_redemption_reversals", x => x.id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "write_off_codes",
                columns: table => new
                {
                    id = table.Column<string>(type: "varchar(36)", maxLength: 36, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    code_hash = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    merchant_id = table.Column<string>(type: "varchar(36)", maxLength: 36, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    customer_id = table.Column<string>(type: "varchar(36)", maxLength: 36, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    target = table.Column<string>(type: "varchar(20)", maxLength: 20, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    instrument_id = table.Column<string>(type: "varchar(36)", maxLength: 36, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    created_at = table.Column<long>(type: "bigint", nullable: false),
                    expires_at = table.Column<long>(type: "bigint", nullable: false),
                    used_at = table.Column<long>(type: "bigint", nullable: true),
                    redemption_id = table.Column<string>(type: "varchar(36)", maxLength: 36, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_write_off_codes", x => x.id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddCheckConstraint(
                name: "ck_redemptions_reversed",
                table: "redemptions",
                sql: "reversed_principal >= 0 AND reversed_principal <= from_principal AND reversed_bonus >= 0 AND reversed_bonus <= from_bonus AND reversed_uses >= 0 AND reversed_uses <= uses");

            migrationBuilder.AddCheckConstraint(
                name: "ck_cards_uses",
                table: "cards",
                sql: "uses_granted IS NULL OR (uses_used >= 0 AND uses_used <= uses_granted)");

            migrationBuilder.CreateIndex(
                name: "IX_redemption_reversals_merchant_id_created_at",
                table: "redemption_reversals",
                columns: new[] { "merchant_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_redemption_reversals_redemption_id",
                table: "redemption_reversals",
                column: "redemption_id");

            migrationBuilder.CreateIndex(
                name: "IX_write_off_codes_code_hash",
                table: "write_off_codes",
                column: "code_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_write_off_codes_customer_id_created_at",
                table: "write_off_codes",
                columns: new[] { "customer_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "redemption_reversals");

            migrationBuilder.DropTable(
                name: "write_off_codes");

            migrationBuilder.DropCheckConstraint(
                name: "ck_redemptions_reversed",
                table: "redemptions");

            migrationBuilder.DropCheckConstraint(
                name: "ck_cards_uses",
                table: "cards");

            migrationBuilder.DropColumn(
                name: "acted_by",
                table: "redemptions");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "redemptions");

            migrationBuilder.DropColumn(
                name: "coupon_discount",
                table: "redemptions");

            migrationBuilder.DropColumn(
                name: "coupon_id",
                table: "redemptions");

            migrationBuilder.DropColumn(
                name: "fully_reversed",
                table: "redemptions");

            migrationBuilder.DropColumn(
                name: "membership_card_id",
                table: "redemptions");

            migrationBuilder.DropColumn(
                name: "membership_discount",
                table: "redemptions");

            migrationBuilder.DropColumn(
                name: "paid_outside",
                table: "redemptions");

            migrationBuilder.DropColumn(
                name: "revenue_recognised",
                table: "redemptions");

            migrationBuilder.DropColumn(
                name: "reversed_bonus",
                table: "redemptions");

            migrationBuilder.DropColumn(
                name: "reversed_principal",
                table: "redemptions");

            migrationBuilder.DropColumn(
                name: "reversed_uses",
                table: "redemptions");

            migrationBuilder.DropColumn(
                name: "times_card_id",
                table: "redemptions");

            migrationBuilder.DropColumn(
                name: "uses",
                table: "redemptions");

            migrationBuilder.DropColumn(
                name: "amount_paid",
                table: "coupons");

            migrationBuilder.DropColumn(
                name: "used_at",
                table: "coupons");

            migrationBuilder.DropColumn(
                name: "used_by",
                table: "coupons");

            migrationBuilder.DropColumn(
                name: "amount_paid",
                table: "cards");

            migrationBuilder.DropColumn(
                name: "uses_used",
                table: "cards");
        }
    }
}
