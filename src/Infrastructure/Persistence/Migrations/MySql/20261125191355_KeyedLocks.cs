using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeScan.Infrastructure.Persistence.Migrations.MySql
{
    /// <inheritdoc />
    public partial class KeyedLocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "keyed_locks",
                columns: table => new
                {
                    lock_key = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    touches = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_keyed_locks", x => x.lock_key);
                })
                .Annotation("MySql:CharSet", "utf8mb4");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "keyed_locks");
        }
    }
}
