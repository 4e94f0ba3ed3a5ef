using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeScan.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
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
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    amount_paid = table.Column<long>(type: "INTEGER", nullable: false),
                    uses_used = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cards", x => x.id);
                    table.CheckConstraint("ck_cards_uses", "uses_granted IS NULL OR (uses_used >= 0 AND uses_used <= uses_granted)");
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
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    amount_paid = table.Column<long>(type: "INTEGER", nullable: false),
                    used_by = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    used_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coupons", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "event_log",
                columns: table => new
                {
                    position = table.Column<long>(type: "INTEGER", nullable: false),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    stream_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_event_log", x => x.position);
                });

            migrationBuilder.CreateTable(
                name: "event_sequence",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    last_position = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_event_sequence", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    actor = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    request_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    response_json = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency_keys", x => new { x.actor, x.idempotency_key });
                });

            migrationBuilder.CreateTable(
                name: "keyed_locks",
                columns: table => new
                {
                    lock_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    touches = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_keyed_locks", x => x.lock_key);
                });

            migrationBuilder.CreateTable(
                name: "ledger_accounts",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    merchant_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    debits_posted = table.Column<long>(type: "INTEGER", nullable: false),
                    credits_posted = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_accounts", x => x.id);
                    table.CheckConstraint("ck_ledger_accounts_customer_not_negative", "kind NOT IN ('CustomerPrincipal', 'CustomerBonus') OR debits_posted <= credits_posted");
                    table.CheckConstraint("ck_ledger_accounts_totals_not_negative", "debits_posted >= 0 AND credits_posted >= 0");
                });

            migrationBuilder.CreateTable(
                name: "merchants",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    contact_phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    business_licence_number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    locale = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    owner_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    merchant_code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    qr_version = table.Column<int>(type: "INTEGER", nullable: false),
                    applied_at = table.Column<long>(type: "INTEGER", nullable: false),
                    reviewed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    reviewed_by = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_merchants", x => x.id);
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

            migrationBuilder.CreateTable(
                name: "recharges",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    merchant_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    bonus = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recharges", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "redemption_reversals",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    redemption_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    merchant_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    principal_restored = table.Column<long>(type: "INTEGER", nullable: false),
                    bonus_restored = table.Column<long>(type: "INTEGER", nullable: false),
                    uses_restored = table.Column<int>(type: "INTEGER", nullable: false),
                    times_card_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    coupon_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    coupon_restored = table.Column<bool>(type: "INTEGER", nullable: false),
                    outside_to_refund = table.Column<long>(type: "INTEGER", nullable: false),
                    revenue_reversed = table.Column<long>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    reversed_by = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_redemption_reversals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "redemptions",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    merchant_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    acted_by = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    membership_card_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    membership_discount = table.Column<long>(type: "INTEGER", nullable: false),
                    coupon_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    coupon_discount = table.Column<long>(type: "INTEGER", nullable: false),
                    times_card_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    uses = table.Column<int>(type: "INTEGER", nullable: false),
                    from_principal = table.Column<long>(type: "INTEGER", nullable: false),
                    from_bonus = table.Column<long>(type: "INTEGER", nullable: false),
                    paid_outside = table.Column<long>(type: "INTEGER", nullable: false),
                    revenue_recognised = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    reversed_principal = table.Column<long>(type: "INTEGER", nullable: false),
                    reversed_bonus = table.Column<long>(type: "INTEGER", nullable: false),
                    reversed_uses = table.Column<int>(type: "INTEGER", nullable: false),
                    fully_reversed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_redemptions", x => x.id);
                    table.CheckConstraint("ck_redemptions_reversed", "reversed_principal >= 0 AND reversed_principal <= from_principal AND reversed_bonus >= 0 AND reversed_bonus <= from_bonus AND reversed_uses >= 0 AND reversed_uses <= uses");
                });

            migrationBuilder.CreateTable(
                name: "refresh_tokens",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    family_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    rotated_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_refresh_tokens", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_challenges",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    code_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    client_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sign_in_challenges", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    registered_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "write_off_codes",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    code_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    merchant_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    target = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    instrument_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    uses = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 1),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    used_at = table.Column<long>(type: "INTEGER", nullable: true),
                    redemption_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_write_off_codes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_transfers",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    debit_account_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    credit_account_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    reference_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_transfers", x => x.id);
                    table.CheckConstraint("ck_ledger_transfers_amount_positive", "amount > 0");
                    table.ForeignKey(
                        name: "FK_ledger_transfers_ledger_accounts_credit_account_id",
                        column: x => x.credit_account_id,
                        principalTable: "ledger_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ledger_transfers_ledger_accounts_debit_account_id",
                        column: x => x.debit_account_id,
                        principalTable: "ledger_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "merchant_decisions",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    merchant_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_merchant_decisions", x => x.id);
                    table.ForeignKey(
                        name: "FK_merchant_decisions_merchants_merchant_id",
                        column: x => x.merchant_id,
                        principalTable: "merchants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "merchant_staff",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    added_by = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    added_at = table.Column<long>(type: "INTEGER", nullable: false),
                    removed_by = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    removed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    merchant_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_merchant_staff", x => x.id);
                    table.ForeignKey(
                        name: "FK_merchant_staff_merchants_merchant_id",
                        column: x => x.merchant_id,
                        principalTable: "merchants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "event_sequence",
                columns: new[] { "id", "last_position" },
                values: new object[] { 1, 0L });

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
                name: "IX_event_log_event_id",
                table: "event_log",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_event_log_stream_id",
                table: "event_log",
                column: "stream_id");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_accounts_merchant_id_customer_id",
                table: "ledger_accounts",
                columns: new[] { "merchant_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_transfers_credit_account_id",
                table: "ledger_transfers",
                column: "credit_account_id");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_transfers_debit_account_id",
                table: "ledger_transfers",
                column: "debit_account_id");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_transfers_reference_id",
                table: "ledger_transfers",
                column: "reference_id");

            migrationBuilder.CreateIndex(
                name: "IX_merchant_decisions_merchant_id",
                table: "merchant_decisions",
                column: "merchant_id");

            migrationBuilder.CreateIndex(
                name: "IX_merchant_staff_merchant_id",
                table: "merchant_staff",
                column: "merchant_id");

            migrationBuilder.CreateIndex(
                name: "IX_merchant_staff_user_id",
                table: "merchant_staff",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_merchants_merchant_code",
                table: "merchants",
                column: "merchant_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_merchants_owner_id",
                table: "merchants",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "IX_merchants_status",
                table: "merchants",
                column: "status");

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

            migrationBuilder.CreateIndex(
                name: "IX_recharges_customer_id_created_at",
                table: "recharges",
                columns: new[] { "customer_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_recharges_merchant_id_created_at",
                table: "recharges",
                columns: new[] { "merchant_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_recharges_order_id",
                table: "recharges",
                column: "order_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_redemption_reversals_merchant_id_created_at",
                table: "redemption_reversals",
                columns: new[] { "merchant_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_redemption_reversals_redemption_id",
                table: "redemption_reversals",
                column: "redemption_id");

            migrationBuilder.CreateIndex(
                name: "IX_redemptions_customer_id_created_at",
                table: "redemptions",
                columns: new[] { "customer_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_redemptions_merchant_id_created_at",
                table: "redemptions",
                columns: new[] { "merchant_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_refresh_tokens_family_id",
                table: "refresh_tokens",
                column: "family_id");

            migrationBuilder.CreateIndex(
                name: "IX_refresh_tokens_token_hash",
                table: "refresh_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sign_in_challenges_client_address_created_at",
                table: "sign_in_challenges",
                columns: new[] { "client_address", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_sign_in_challenges_phone_created_at",
                table: "sign_in_challenges",
                columns: new[] { "phone", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_users_phone",
                table: "users",
                column: "phone",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_write_off_codes_code_hash",
                table: "write_off_codes",
                column: "code_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_write_off_codes_customer_id_created_at",
                table: "write_off_codes",
                columns: new[] { "customer_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_write_off_codes_instrument_id",
                table: "write_off_codes",
                column: "instrument_id");
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
                name: "event_log");

            migrationBuilder.DropTable(
                name: "event_sequence");

            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropTable(
                name: "keyed_locks");

            migrationBuilder.DropTable(
                name: "ledger_transfers");

            migrationBuilder.DropTable(
                name: "merchant_decisions");

            migrationBuilder.DropTable(
                name: "merchant_staff");

            migrationBuilder.DropTable(
                name: "orders");

            migrationBuilder.DropTable(
                name: "recharge_plans");

            migrationBuilder.DropTable(
                name: "recharges");

            migrationBuilder.DropTable(
                name: "redemption_reversals");

            migrationBuilder.DropTable(
                name: "redemptions");

            migrationBuilder.DropTable(
                name: "refresh_tokens");

            migrationBuilder.DropTable(
                name: "sign_in_challenges");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "write_off_codes");

            migrationBuilder.DropTable(
                name: "ledger_accounts");

            migrationBuilder.DropTable(
                name: "merchants");
        }
    }
}
