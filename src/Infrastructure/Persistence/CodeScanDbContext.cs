using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Common;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Identity;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Orders;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Redemptions;
using CodeScan.Domain.Users;
using CodeScan.Domain.Wallets;
using CodeScan.Infrastructure.Persistence.EventLog;
using CodeScan.Infrastructure.Persistence.Idempotency;
using CodeScan.Infrastructure.Persistence.Locks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CodeScan.Infrastructure.Persistence;

/// <summary>
/// The write model. Provider-specific subclasses exist only so each provider keeps its own migrations.
/// </summary>
public abstract class CodeScanDbContext(DbContextOptions options) : DbContext(options), IApplicationDbContext
{
    /// <summary>The unit of work's transaction where it is started by text (MySQL), not by EF.</summary>
    internal StartedTransaction Started { get; } = new();

    /// <summary>The SQL this context's provider speaks where EF does not write it (known by type: asking EF for its provider's name reads the assembly's name by reflection on every call).</summary>
    internal abstract SqlDialect Dialect { get; }

    /// <summary>The unit of work's execution strategy, made once per context (a pooled context lives on): making one per unit of work seeds a new random number generator each time.</summary>
    internal IExecutionStrategy UnitOfWorkStrategy => _unitOfWorkStrategy ??= Database.CreateExecutionStrategy();

    private IExecutionStrategy? _unitOfWorkStrategy;

    public DbSet<Merchant> Merchants => Set<Merchant>();

    public DbSet<User> Users => Set<User>();

    public DbSet<Recharge> Recharges => Set<Recharge>();

    public DbSet<Redemption> Redemptions => Set<Redemption>();

    public DbSet<RedemptionReversal> RedemptionReversals => Set<RedemptionReversal>();

    public DbSet<WriteOffCode> WriteOffCodes => Set<WriteOffCode>();

    public DbSet<CardProduct> CardProducts => Set<CardProduct>();

    public DbSet<RechargePlan> RechargePlans => Set<RechargePlan>();

    public DbSet<CouponTemplate> CouponTemplates => Set<CouponTemplate>();

    public DbSet<Card> Cards => Set<Card>();

    public DbSet<Coupon> Coupons => Set<Coupon>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<SignInChallenge> SignInChallenges => Set<SignInChallenge>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<LedgerAccount> LedgerAccounts => Set<LedgerAccount>();

    public DbSet<Transfer> Transfers => Set<Transfer>();

    public DbSet<EventLogEntry> EventLog => Set<EventLogEntry>();

    public DbSet<EventSequence> EventSequence => Set<EventSequence>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<KeyedLock> KeyedLocks => Set<KeyedLock>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CodeScanDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Ids are stored as canonical strings on every provider, so raw SQL and LINQ agree on them.
        configurationBuilder.Properties<Guid>().HaveConversion<string>().HaveMaxLength(36);
        configurationBuilder.Properties<MerchantId>().HaveConversion<MerchantIdConverter>().HaveMaxLength(36);
        configurationBuilder.Properties<UserId>().HaveConversion<UserIdConverter>().HaveMaxLength(36);
        configurationBuilder.Properties<PhoneNumber>().HaveConversion<PhoneNumberConverter>().HaveMaxLength(20);
        configurationBuilder.Properties<MerchantCode>().HaveConversion<MerchantCodeConverter>().HaveMaxLength(MerchantCode.Length);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}

public sealed class MySqlCodeScanDbContext(DbContextOptions<MySqlCodeScanDbContext> options) : CodeScanDbContext(options)
{
    private readonly SqlDialect _dialect = options.FindExtension<SqlDialectExtension>()?.Dialect ?? SqlDialect.MySql;

    internal override SqlDialect Dialect => _dialect;
}

public sealed class SqliteCodeScanDbContext(DbContextOptions<SqliteCodeScanDbContext> options) : CodeScanDbContext(options)
{
    internal override SqlDialect Dialect => SqlDialect.Sqlite;
}
