using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeScan.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CatalogInstrumentsOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "card_products",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    uses = table.Column<int>(type: "INTEGER", nullable: true),
                    pay_rate_bp = table.Column<int>(type: "INTEGER", nullable: true),
                    validity_days = table.Column<int>(type: "INTEGER", nullable: true),
                    validity_starts_at = table.Column<long>(type: "INTEGER", nullable: true),
                    validity_ends_at = table.Column<long>(type: "INTEGER", nullable: true),
                    merchant_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    price = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_card_products", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cards",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    merchant_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    uses_granted = table.Column<int>(type: "INTEGER", nullable: true),
                    pay_rate_bp = table.Column<int>(type: "INTEGER", nullable: true),
                    valid_from = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    issued_by = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cards", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "coupon_templates",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    amount_off = table.Column<long>(type: "INTEGER", nullable: false),
                    percent_off = table.Column<int>(type: "INTEGER", nullable: false),
                    cap = table.Column<long>(type: "INTEGER", nullable: false),
                    threshold = table.Column<long>(type: "INTEGER", nullable: false),
                    gift_name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    validity_days = table.Column<int>(type: "INTEGER", nullable: true),
                    validity_starts_at = table.Column<long>(type: "INTEGER", nullable: true),
                    validity_ends_at = table.Column<long>(type: "INTEGER", nullable: true),
                    total_stock = table.Column<int>(type: "INTEGER", nullable: false),
                    issued_count = table.Column<int>(type: "INTEGER", nullable: false),
                    per_customer_limit = table.Column<int>(type: "INTEGER", nullable: false),
                    merchant_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    price = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coupon_templates", x => x.id);
                    table.CheckConstraint("ck_coupon_templates_stock", "issued_count >= 0 AND issued_count <= total_stock");
                });

            migrationBuilder.CreateTable(
                name: "coupons",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    merchant_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    template_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    amount_off = table.Column<long>(type: "INTEGER", nullable: false),
                    percent_off = table.Column<int>(type: "INTEGER", nullable: false),
                    cap = table.Column<long>(type: "INTEGER", nullable: false),
                    threshold = table.Column<long>(type: "INTEGER", nullable: false),
                    gift_name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    valid_from = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    issued_by = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coupons", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "orders",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    merchant_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    item_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    item_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    amount_due = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    pay_by = table.Column<long>(type: "INTEGER", nullable: false),
                    paid_at = table.Column<long>(type: "INTEGER", nullable: true),
                    payment_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "recharge_plans",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    pay_every = table.Column<long>(type: "INTEGER", nullable: false),
                    bonus_each = table.Column<long>(type: "INTEGER", nullable: false),
                    min_amount = table.Column<long>(type: "INTEGER", nullable: false),
                    max_amount = table.Column<long>(type: "INTEGER", nullable: false),
                    merchant_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    price = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recharge_plans", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_card_products_merchant_id_status",
                table: "card_products",
                columns: new[] { "merchant_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_cards_merchant_id_customer_id",
                table: "cards",
                columns: new[] { "merchant_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "IX_cards_merchant_id_issued_at",
                table: "cards",
                columns: new[] { "merchant_id", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "IX_cards_order_id",
                table: "cards",
                column: "order_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_coupon_templates_merchant_id_status",
                table: "coupon_templates",
                columns: new[] { "merchant_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_coupons_merchant_id_customer_id",
                table: "coupons",
                columns: new[] { "merchant_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "IX_coupons_merchant_id_issued_at",
                table: "coupons",
                columns: new[] { "merchant_id", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "IX_coupons_order_id",
                table: "coupons",
                column: "order_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_coupons_template_id_customer_id",
                table: "coupons",
                columns: new[] { "template_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_customer_id_created_at",
                table: "orders",
                columns: new[] { "customer_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_payment_reference",
                table: "orders",
                column: "payment_reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_orders_status_pay_by",
                table: "orders",
                columns: new[] { "status", "pay_by" });

            migrationBuilder.CreateIndex(
                name: "IX_recharge_plans_merchant_id_status",
                table: "recharge_plans",
                columns: new[] { "merchant_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "card_products");

            migrationBuilder.DropTable(
                name: "cards");

            migrationBuilder.DropTable(
                name: "coupon_templates");

            migrationBuilder.DropTable(
                name: "coupons");

            migrationBuilder.DropTable(
                name: "orders");

            migrationBuilder.DropTable(
                name: "recharge_plans");
        }
    }
}
