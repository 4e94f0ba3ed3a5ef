using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CodeScan.Infrastructure.Persistence;

/// <summary>Lets `dotnet ef` build each provider's context without a running server.</summary>
internal sealed class MySqlDesignTimeFactory : IDesignTimeDbContextFactory<MySqlCodeScanDbContext>
{
    public MySqlCodeScanDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MySqlCodeScanDbContext>();
        DatabaseProvider.UseMySql(options, "Server=127.0.0.1;Database=codescan", new MariaDbServerVersion(new Version(10, 11)));
        return new MySqlCodeScanDbContext(options.Options);
    }
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCodeScanDbContext>
{
    public SqliteCodeScanDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteCodeScanDbContext>();
        DatabaseProvider.UseSqlite(options, DatabaseProvider.DefaultSqlite);
        return new SqliteCodeScanDbContext(options.Options);
    }
}
