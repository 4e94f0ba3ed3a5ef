using CodeScan.Api.Tests.Analytics;
using CodeScan.Api.Tests.Dashboard;
using CodeScan.Api.Tests.Flows;
using CodeScan.Api.Tests.Identity;
using CodeScan.Api.Tests.Projections;
using CodeScan.Api.Tests.Records;
using CodeScan.Api.Tests.Redemptions;
using CodeScan.Api.Tests.Security;
using CodeScan.Api.Tests.Transport;
using CodeScan.Api.Tests.Transport.WebSockets;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Cluster;

// Issue 13, point 3: the read-model flows through the real API host on a Redis Cluster of three masters. A cluster
// refuses a script or MULTI whose keys are in more than one slot (CROSSSLOT), so any write that crossed slots fails
// these tests; ClusterSlotTests proves the refusal is there to be met.

/// <summary>A payment's wallet view and the till's alert through the bus.</summary>
public sealed class ClusterPaymentFlowTests() : PaymentFlowTests(StoreMode.MariaDbRedisCluster);

public sealed class ClusterRecentAlertsTests() : RecentAlertsTests(StoreMode.MariaDbRedisCluster);

public sealed class ClusterRedemptionModeTests() : RedemptionModeTests(StoreMode.MariaDbRedisCluster);

/// <summary>A customer's wallets across merchants, read in one MGET of the customer's slot.</summary>
public sealed class ClusterWalletsQueryTests() : WalletsQueryTests(StoreMode.MariaDbRedisCluster);

/// <summary>A merchant's and a customer's records, written one slot at a time.</summary>
public sealed class ClusterRecordsTests() : RecordsTests(StoreMode.MariaDbRedisCluster);

public sealed class ClusterRecordsProjectionTests() : RecordsProjectionTests(StoreMode.MariaDbRedisCluster);

public sealed class ClusterSalesTotalsTests() : SalesTotalsTests(StoreMode.MariaDbRedisCluster);

public sealed class ClusterPerformanceTotalsTests() : PerformanceTotalsTests(StoreMode.MariaDbRedisCluster);

public sealed class ClusterCustomerCountTests() : CustomerCountTests(StoreMode.MariaDbRedisCluster);

public sealed class ClusterPlatformReportsTests() : PlatformReportsTests(StoreMode.MariaDbRedisCluster);

public sealed class ClusterLiabilityLedgerTests() : LiabilityLedgerTests(StoreMode.MariaDbRedisCluster);

public sealed class ClusterPlatformLiabilityTests() : PlatformLiabilityTests(StoreMode.MariaDbRedisCluster);

public sealed class ClusterDashboardSalesTests() : DashboardSalesTests(StoreMode.MariaDbRedisCluster);

public sealed class ClusterRateLimiterTests() : RateLimiterTests(StoreMode.MariaDbRedisCluster);

public sealed class ClusterWebSocketLimitTests() : WebSocketLimitTests(StoreMode.MariaDbRedisCluster);

public sealed class ClusterSessionRevocationTests() : SessionRevocationTests(StoreMode.MariaDbRedisCluster);

public sealed class ClusterNotificationBusOrderTests() : NotificationBusOrderTests(StoreMode.MariaDbRedisCluster);

/// <summary>A rebuild with a generation swap, and the retired generation's keys deleted from every master.</summary>
public sealed class ClusterRebuildReadModelsTests() : RebuildReadModelsTests(StoreMode.MariaDbRedisCluster);
