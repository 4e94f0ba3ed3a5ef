namespace CodeScan.Api.Tests.Support;

/// <summary>
/// The MariaDB and Redis that ./scripts/test.sh starts. Missing variables fail the test with a clear
/// message: a run without the servers must never look green.
/// </summary>
public static class TestServers
{
    public static string MySql => Required("CODESCAN_TEST_MYSQL");

    public static string Redis => Required("CODESCAN_TEST_REDIS");

    /// <summary>The nodes of the Redis Cluster ./scripts/test.sh starts ("host:port,host:port,host:port").</summary>
    public static string RedisCluster => Required("CODESCAN_TEST_REDIS_CLUSTER");

    /// <summary>The Redis (or cluster) of a store mode that has one.</summary>
    public static string RedisOf(StoreMode mode) => mode == StoreMode.MariaDbRedisCluster ? RedisCluster : Redis;

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set. Run the tests with ./scripts/test.sh, which starts MariaDB and Redis.");
}
