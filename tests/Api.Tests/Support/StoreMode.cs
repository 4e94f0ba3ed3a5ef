namespace CodeScan.Api.Tests.Support;

/// <summary>The two ways CodeScan runs; every integration test runs against both.</summary>
public enum StoreMode
{
    /// <summary>SQLite file + in-memory read models + in-process bus (the zero-config default).</summary>
    Embedded,

    /// <summary>MariaDB + Redis, as in production, on the servers ./scripts/test.sh starts.</summary>
    MariaDbRedis,

    /// <summary>MariaDB + a Redis Cluster of three masters (tests/Api.Tests/Cluster): every script must stay in one slot.</summary>
    MariaDbRedisCluster,
}
