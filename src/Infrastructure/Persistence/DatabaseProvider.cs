using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CodeScan.Infrastructure.Persistence;

/// <summary>Chooses the write store from configuration: MySQL/MariaDB when configured, SQLite otherwise.</summary>
public static class DatabaseProvider
{
    public const string DefaultSqlite = "Data Source=data/codescan.db";

    public static bool UsesMySql(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration.GetConnectionString("MySql"));

    internal static void UseMySql(DbContextOptionsBuilder options, string connectionString, ServerVersion serverVersion, bool compoundStatements = true) =>
        options.UseMySql(WithoutConnectionReset(connectionString), serverVersion, mySql =>
            {
                mySql.MigrationsAssembly(typeof(DatabaseProvider).Assembly.FullName);
                mySql.MigrationsHistoryTable("__ef_migrations_history");
                mySql.EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(2), errorNumbersToAdd: null);
            })
            .AddInterceptors(TransactionStartInterceptor.Instance)
            .AddDialect(SqlDialect.ForServer(serverVersion, compoundStatements));

    private static DbContextOptionsBuilder AddDialect(this DbContextOptionsBuilder options, SqlDialect dialect)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new SqlDialectExtension(dialect));
        return options;
    }

    /// <summary>
    /// MySqlConnector resets a pooled connection each time it is opened: a round trip of its own, and work for
    /// the server, on every unit of work and every projector batch. Every transaction here is ended by its own
    /// code — by the commit batch's COMMIT, or rolled back on a refusal or a failure (<see cref="StartedTransaction"/>)
    /// — and no session state is kept, so the reset is off unless the connection string asks for it.
    /// </summary>
    internal static string WithoutConnectionReset(string connectionString)
    {
        var builder = new MySqlConnector.MySqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("ConnectionReset"))
        {
            builder.ConnectionReset = false;
        }

        return builder.ConnectionString;
    }

    internal static void UseSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite =>
        {
            sqlite.MigrationsAssembly(typeof(DatabaseProvider).Assembly.FullName);
            sqlite.MigrationsHistoryTable("__ef_migrations_history");
        });

    internal static string SqliteConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Sqlite") ?? DefaultSqlite;
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Writers queue for the lock instead of failing at once (milliseconds; Microsoft.Data.Sqlite default is 30 s).
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }
}
