using CodeScan.Application.Analytics;
using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Idempotency;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Identity;
using CodeScan.Application.ReadModels;
using CodeScan.Application.Records;
using CodeScan.Application.Redemptions;
using CodeScan.Infrastructure.Identity;
using CodeScan.Infrastructure.Messaging;
using CodeScan.Infrastructure.Payments;
using CodeScan.Infrastructure.Persistence;
using CodeScan.Infrastructure.Persistence.EventLog;
using CodeScan.Infrastructure.Persistence.Idempotency;
using CodeScan.Infrastructure.Persistence.Ledger;
using CodeScan.Infrastructure.Persistence.Locks;
using CodeScan.Infrastructure.Projections;
using CodeScan.Infrastructure.QrCodes;
using CodeScan.Infrastructure.ReadModels;
using CodeScan.Infrastructure.Redemptions;
using CodeScan.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace CodeScan.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        AddWriteModel(services, configuration);
        AddReadModels(services, configuration);

        services.Configure<JwtOptions>(configuration.GetSection(JwtOptions.Section));
        services.AddOptions<ProjectorOptions>().Bind(configuration.GetSection(ProjectorOptions.Section))
            .Validate(o => o.LeaseTimeToLive >= 2 * o.PollInterval, "Projector:LeaseTimeToLive must be at least twice Projector:PollInterval (the holder renews once per poll).")
            .ValidateOnStart();
        services.Configure<RebuildOptions>(configuration.GetSection(RebuildOptions.Section));
        services.AddSingleton<ReadModelRebuilder>();
        services.AddSingleton<IAccessTokens, JwtAccessTokens>();
        services.AddSingleton<LocalSessionRevocations>();
        services.AddSingleton<ISessionRevocations>(sp => sp.GetRequiredService<LocalSessionRevocations>());
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());

        services.AddSingleton<ProjectorSignal>();
        services.AddSingleton<ProjectorStatus>();
        services.AddHostedService<ProjectorService>();

        // After the projector: at start it waits for in-memory read models to replay the event log.
        services.AddHostedService<SessionRevocationSync>();

        services.AddIdentityServices(configuration);
        services.AddQrCodeServices(configuration);
        services.AddPaymentServices(configuration);
        return services;
    }

    /// <remarks>
    /// Contexts are pooled: their options are built once, not per request, and every request that resolves a
    /// service depending on the write model (the command pipeline's behaviours do, for queries too) gets a reset
    /// context instead of a new one. The context holds no state of its own beyond what EF resets.
    /// </remarks>
    private static void AddWriteModel(IServiceCollection services, IConfiguration configuration)
    {
        if (DatabaseProvider.UsesMySql(configuration))
        {
            var connectionString = configuration.GetConnectionString("MySql")!;
            var configuredVersion = configuration["MySql:ServerVersion"];
            var serverVersion = string.IsNullOrWhiteSpace(configuredVersion)
                ? new Lazy<ServerVersion>(() => ServerVersion.AutoDetect(connectionString))
                : new Lazy<ServerVersion>(() => ServerVersion.Parse(configuredVersion));
            var compoundStatements = configuration.GetValue("MySql:CompoundStatements", defaultValue: true);
            services.AddDbContextPool<MySqlCodeScanDbContext>(options => DatabaseProvider.UseMySql(options, connectionString, serverVersion.Value, compoundStatements));
            services.AddScoped<CodeScanDbContext>(sp => sp.GetRequiredService<MySqlCodeScanDbContext>());
        }
        else
        {
            var connectionString = DatabaseProvider.SqliteConnectionString(configuration);
            services.AddDbContextPool<SqliteCodeScanDbContext>(options => DatabaseProvider.UseSqlite(options, connectionString));
            services.AddScoped<CodeScanDbContext>(sp => sp.GetRequiredService<SqliteCodeScanDbContext>());
        }

        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<CodeScanDbContext>());

        // For code that needs the database only sometimes: the context is rented from the pool on first use.
        services.AddScoped(sp => new Lazy<IApplicationDbContext>(sp.GetRequiredService<IApplicationDbContext>));
        services.AddScoped<ITransactionRunner, EfTransactionRunner>();
        services.AddScoped<CommitBatch>();
        services.AddSingleton<KnownLedgerAccounts>();
        services.AddScoped<ILedger, EfLedger>();
        services.AddScoped<IPaymentTermsReader, EfPaymentTermsReader>();
        services.AddScoped<IIdempotencyStore, EfIdempotencyStore>();
        services.AddScoped<IKeyedLocks, EfKeyedLocks>();
        services.AddScoped<IRowLocks, EfRowLocks>();
        services.AddSingleton<IWriteOffCodes, HmacWriteOffCodes>();
        services.AddScoped<IMerchantCodeGenerator, MerchantCodeGenerator>();
        services.AddScoped<EventLogReader>();
        services.AddScoped<ReadinessProbe>();
    }

    private static void AddReadModels(IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            AddEmbeddedReadModels(services);
        }
        else
        {
            AddRedisReadModels(services, configuration, redis);
        }
    }

    /// <summary>One process: read models in memory, an in-process bus, and limits counted here.</summary>
    private static void AddEmbeddedReadModels(IServiceCollection services)
    {
        services.AddSingleton<InMemoryReadModelStore>();
        services.AddSingleton<IReadModelStore>(sp => sp.GetRequiredService<InMemoryReadModelStore>());
        services.AddSingleton<IRecordStore, InMemoryRecordStore>();
        services.AddSingleton<ISalesStore, InMemorySalesStore>();
        services.AddSingleton<IPerformanceStore, InMemoryPerformanceStore>();
        services.AddSingleton<ICustomerStore, InMemoryCustomerStore>();
        services.AddSingleton<ILiabilityStore, InMemoryLiabilityStore>();
        services.AddSingleton<ISessionRevocationStore, InMemorySessionRevocationStore>();
        services.AddSingleton<INotificationBus, InProcessNotificationBus>();
        services.AddSingleton<IAlertFeed, InMemoryAlertFeed>();
        services.AddSingleton<IProjectorLease, SingleNodeProjectorLease>();
        services.AddSingleton<IRateLimiter, FixedWindowRateLimiter>();
        services.AddSingleton<IConnectionSlots, LocalConnectionSlots>();
        services.AddSingleton<IProjectorWakeUp, LocalProjectorWakeUp>();
    }

    /// <summary>
    /// Any number of nodes: read models, fan-out, the projector lease and wake-up, rate limits and WebSocket connection slots go through Redis,
    /// so a node keeps nothing another one needs.
    /// </summary>
    private static void AddRedisReadModels(IServiceCollection services, IConfiguration configuration, string redis)
    {
        var redisOptions = ConfigurationOptions.Parse(redis);

        // Start even while Redis is down: payments do not need it, and the projector catches up later.
        redisOptions.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redisOptions));
        services.AddSingleton(new RedisKeys(configuration["Redis:KeyPrefix"] ?? "codescan:"));
        services.AddSingleton<ProjectorFence>();
        services.AddSingleton<IReadModelStore, RedisReadModelStore>();
        services.AddSingleton<IRecordStore, RedisRecordStore>();
        services.AddSingleton<ISalesStore, RedisSalesStore>();
        services.AddSingleton<IPerformanceStore, RedisPerformanceStore>();
        services.AddSingleton<ICustomerStore, RedisCustomerStore>();
        services.AddSingleton<ILiabilityStore, RedisLiabilityStore>();
        services.AddSingleton<ISessionRevocationStore, RedisSessionRevocationStore>();
        services.AddSingleton<INotificationBus, RedisNotificationBus>();
        services.AddSingleton<IAlertFeed, RedisAlertFeed>();
        services.AddSingleton<IProjectorLease, RedisProjectorLease>();
        services.AddSingleton<IRateLimiter, RedisRateLimiter>();
        services.AddSingleton<RedisConnectionSlots>();
        services.AddSingleton<IConnectionSlots>(sp => sp.GetRequiredService<RedisConnectionSlots>());
        services.AddHostedService<ConnectionSlotHeartbeat>();
        services.AddSingleton<IProjectorWakeUp, RedisProjectorWakeUp>();
        services.AddHostedService<ProjectorWakeListener>();
        services.AddSingleton<ReadModelGenerations>();
        services.AddHostedService<ReadModelGenerationSync>();
    }
}
