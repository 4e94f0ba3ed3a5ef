using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeScan.Infrastructure.Persistence.Migrations.Sqlite
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
                    lock_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    touches = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_keyed_locks", x => x.lock_key);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "keyed_locks");
        }
    }
}
