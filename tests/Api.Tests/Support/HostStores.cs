using MySqlConnector;

namespace CodeScan.Api.Tests.Support;

/// <summary>Where one test's data lives: a fresh SQLite file, or a fresh MariaDB database and Redis key prefix.</summary>
public sealed record HostStores(StoreMode Mode, string? SqlitePath, string? MySqlConnectionString, string? RedisConnectionString, string RedisPrefix)
{
    public static HostStores Create(StoreMode mode, string? redisConnectionString = null)
    {
        var name = "cs_" + Guid.NewGuid().ToString("N")[..16];
        return mode switch
        {
            StoreMode.Embedded => new HostStores(mode, Path.Combine(Path.GetTempPath(), "codescan-tests", name + ".db"), null, null, name + ":"),
            StoreMode.MariaDbRedis or StoreMode.MariaDbRedisCluster => new HostStores(
                mode,
                null,
                new MySqlConnectionStringBuilder(TestServers.MySql) { Database = name, MaximumPoolSize = 200 }.ConnectionString,
                redisConnectionString ?? TestServers.RedisOf(mode),
                name + ":"),
            _ => throw new ArgumentOutOfRangeException(nameof(mode)),
        };
    }

    public void Apply(IDictionary<string, string?> settings)
    {
        if (Mode == StoreMode.Embedded)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SqlitePath)!);
            settings["ConnectionStrings:Sqlite"] = $"Data Source={SqlitePath}";
            return;
        }

        settings["ConnectionStrings:MySql"] = MySqlConnectionString;
        settings["ConnectionStrings:Redis"] = RedisConnectionString;
        settings["Redis:KeyPrefix"] = RedisPrefix;
    }
}
