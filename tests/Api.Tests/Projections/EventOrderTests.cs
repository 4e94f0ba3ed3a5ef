using System.Data;
using System.Text.RegularExpressions;
using CodeScan.Api.Tests.Support;
using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using CodeScan.Application.Redemptions;
using CodeScan.Application.Redemptions.Redeem;
using CodeScan.Application.Users;
using CodeScan.Application.Wallets.RechargeAtCounter;
using CodeScan.Domain.Common;
using CodeScan.Domain.Redemptions;
using CodeScan.Domain.Wallets;
using CodeScan.Infrastructure.Persistence;
using CodeScan.Infrastructure.Persistence.EventLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

namespace CodeScan.Api.Tests.Projections;

/// <summary>
/// The projector follows the log by position ("everything after my checkpoint", READ COMMITTED). It can only
/// ever skip an event if a higher position becomes visible while a lower one is still uncommitted: it would
/// apply the higher one, move its checkpoint past the lower one, and never look back. On Redis the damage
/// would be permanent — a merchant's alert stream refuses an id lower than its last, so the late payment's
/// alert could never be appended.
///
/// The commit batch prevents this by taking positions with an UPDATE of the single event_sequence row in the
/// transaction's last round trip, which ends with the COMMIT (docs/decisions/0009): the row stays locked until
/// commit or rollback, so no other transaction can even be handed the next position — let alone commit it —
/// before the holder is done. The first tests hold such a transaction open at that last moment (the batch run
/// without its COMMIT) on MariaDB and prove each link of that argument with InnoDB's own lock monitor: the
/// holder has the X lock on the event_sequence row, later writers (real payments over HTTP) are parked
/// waiting for exactly that record and cannot finish, nothing past the held
/// position is visible or projected while it is open, and once it ends every event — including the late one —
/// is applied exactly once (live read model equals a rebuild, one alert per payment) and positions stay gap-free.
/// The last test shows that this is the only moment anyone waits for: a transaction held open before its batch,
/// with its payment decided and posted, holds up no other payment, not even at the same merchant.
/// </summary>
public sealed class EventOrderTests
{
    [Fact]
    public async Task Append_WhenAnEarlierPositionCommitsLate_LaterWritersWaitForItAndProjectorSkipsNothing()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.MariaDbRedis);
        var merchants = new List<MerchantScenario>();
        for (var i = 0; i < 3; i++)
        {
            merchants.Add(await MerchantScenario.ApprovedAsync(host));
        }

        var merchant = merchants[0];
        var merchantId = ResiliencePayments.MerchantGuid(merchant.MerchantId);
        var payments = new List<ResiliencePayment>();

        var heldPhone = Phones.Next();
        payments.Add(await ResiliencePayments.RechargeAsync(host, merchant.OwnerToken, merchant.MerchantId, heldPhone, 5_000));

        // Later writers that lock nothing the held transaction locks, and nothing each other locks: redeems at
        // one merchant queue on its sales account and recharges on its cash account before they reach the
        // sequence row, so there is one redeem at the held merchant, one at a second, one recharge at a third.
        var redeemers = new List<(MerchantScenario Merchant, string Token)>();
        foreach (var at in merchants.Take(2))
        {
            var phone = Phones.Next();
            redeemers.Add((at, await host.SignInAsync(phone)));
            payments.Add(await ResiliencePayments.RechargeAsync(host, at.OwnerToken, at.MerchantId, phone, 5_000));
        }

        Assert.All(payments, p => Assert.True(p.Succeeded, p.ToString()));
        await host.WaitForProjectionsAsync();
        var before = await CommittedLastPositionAsync(host);
        Assert.Equal(before, host.Projector.AppliedPosition);

        // The late transaction: a real counter recharge through the real handler, ledger and commit batch — the
        // unit of work's steps, with the batch's COMMIT held back. It locks the held customer's accounts, the merchant's cash
        // and bonus-expense accounts and the sequence row; the later writers can wait on nothing but that row.
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        IReadOnlyList<IDomainEvent> heldEvents = [];
        Guid heldRechargeId = default;
        var late = new List<Task<ResiliencePayment>>();
        var attempts = 0;
        await strategy.ExecuteAsync(async () =>
        {
            // The provider's execution strategy would re-run this after a transient error, by then with the late
            // payments committed: a second attempt proves nothing, so it fails instead.
            Assert.Equal(1, ++attempts);
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted);
            var holder = await ConnectionIdAsync(db);
            var owner = (await db.Merchants.AsNoTracking().SingleAsync(m => m.Id == new MerchantId(merchantId))).OwnerId;
            var handler = new RechargeAtCounterHandler(
                db, scope.ServiceProvider.GetRequiredService<ILedger>(), scope.ServiceProvider.GetRequiredService<UserDirectory>(), new FixedCurrentUser(owner), TimeProvider.System);
            var outcome = await handler.Handle(new RechargeAtCounterCommand(new MerchantId(merchantId), heldPhone, 2_000, 200, Guid.NewGuid().ToString("N")), CancellationToken.None);
            Assert.True(outcome.IsSuccess, outcome.Error?.Message);
            heldRechargeId = outcome.Value!.RechargeId;
            heldEvents = db.ChangeTracker.Entries<AggregateRoot>().SelectMany(e => e.Entity.DomainEvents).OrderBy(e => e.OccurredAt).ToList();
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<CommitBatch>().ExecuteAsync(db, heldEvents, DateTimeOffset.UtcNow, CancellationToken.None, commit: false);

            // This transaction owns positions before+1 … before+k and the sequence row lock; nobody else sees either.
            Assert.Equal(before + heldEvents.Count, await db.EventSequence.AsNoTracking().Select(s => s.LastPosition).SingleAsync());
            Assert.Equal(before, await CommittedLastPositionAsync(host));
            Assert.Equal(before, await CommittedLogMaxAsync(host));

            // Real payments that, without the lock, would take later positions and commit first.
            late.AddRange(redeemers.Select(r => Task.Run(() => ResiliencePayments.RedeemAsync(host, r.Token, r.Merchant.MerchantId, 1_000))));
            late.Add(Task.Run(() => ResiliencePayments.RechargeAsync(host, merchants[2].OwnerToken, merchants[2].MerchantId, Phones.Next(), 700)));

            // All of them end up parked on the event_sequence row, whose X lock this very connection holds …
            await AssertWritersParkOnSequenceRowAsync(host, holder, late, TimeSpan.FromSeconds(10));

            // … and stay parked: none can finish while the earlier position is open.
            await Task.WhenAny(Task.WhenAll(late), Task.Delay(TimeSpan.FromSeconds(1)));
            Assert.All(late, t => Assert.False(t.IsCompleted, "A later payment completed while an earlier position was uncommitted."));
            Assert.Equal(late.Count, (await SequenceLocksAsync(host, holder)).Waiters.Count);

            // Nothing past the held position is visible, so the projector has nothing to jump ahead to.
            Assert.Equal(before, await CommittedLogMaxAsync(host));
            Assert.Equal(before, host.Projector.AppliedPosition);
            Assert.Equal(before, await host.Services.GetRequiredService<IReadModelStore>().GetCheckpointAsync(CancellationToken.None));

            await transaction.CommitAsync();
        });

        var answered = await Task.WhenAll(late).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.All(answered, p => Assert.True(p.Succeeded, p.ToString()));
        payments.Add(new ResiliencePayment("Recharge", merchantId, 2_000, heldRechargeId, null, null));
        payments.AddRange(answered);

        // The held events kept the positions they were handed, and every later payment comes after them.
        var log = await ResilienceReadModelCheck.ReadWholeLogAsync(host);
        var held = log.Where(e => e.Position > before && e.Position <= before + heldEvents.Count).ToList();
        Assert.Equal(heldEvents.Count, held.Count);
        Assert.Contains(held, e => e.Event is StoredValueRecharged r && r.RechargeId == heldRechargeId);
        var lateIds = answered.Select(p => p.Id!.Value).ToHashSet();
        var latePositions = log.Where(e => e.Event switch
        {
            Redeemed d => lateIds.Contains(d.RedemptionId),
            StoredValueRecharged r => lateIds.Contains(r.RechargeId),
            _ => false,
        }).Select(e => e.Position).ToList();
        Assert.Equal(late.Count, latePositions.Count);
        Assert.All(latePositions, p => Assert.True(p > before + heldEvents.Count, $"Late payment at {p}, inside the held range."));

        // And the projector applied all of them exactly once: the late recharge's alert is in the feed.
        await ResilienceReadModelCheck.AssertConsistentAsync(host, payments, everyPaymentWasAnswered: true);
        var heldPosition = held.Single(e => e.Event is StoredValueRecharged).Position;
        var alerts = await host.Services.GetRequiredService<IReadModelStore>().GetAlertsAsync(merchantId, heldPosition - 1, 1, CancellationToken.None);
        Assert.Equal(heldPosition, Assert.Single(alerts).Position);
    }

    [Fact]
    public async Task Append_WhenTheHolderOfThePositionRollsBack_WaitingWriterTakesItAndLogStaysGapFree()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.MariaDbRedis);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var phone = Phones.Next();
        var token = await host.SignInAsync(phone);
        var payments = new List<ResiliencePayment> { await ResiliencePayments.RechargeAsync(host, merchant.OwnerToken, merchant.MerchantId, phone, 5_000) };
        await host.WaitForProjectionsAsync();
        var before = await CommittedLastPositionAsync(host);

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
        Task<ResiliencePayment>? redeem = null;
        var attempts = 0;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            Assert.Equal(1, ++attempts);
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted);
            var holder = await ConnectionIdAsync(db);

            // Exactly what the commit batch does to take positions: bump the sequence row.
            await db.EventSequence
                .Where(s => s.Id == EventSequence.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastPosition, x => x.LastPosition + 1));

            redeem = Task.Run(() => ResiliencePayments.RedeemAsync(host, token, merchant.MerchantId, 1_200));
            await AssertWritersParkOnSequenceRowAsync(host, holder, [redeem], TimeSpan.FromSeconds(10));
            await Task.WhenAny(redeem, Task.Delay(TimeSpan.FromSeconds(1)));
            Assert.False(redeem.IsCompleted, "The redeem committed while an earlier position was reserved.");

            await transaction.RollbackAsync();
        });

        var redeemed = await redeem!.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(redeemed.Succeeded, redeemed.ToString());
        payments.Add(redeemed);

        // The abandoned position was never committed, so the redeem got it: no gap for a reader to wonder about.
        var log = await ResilienceReadModelCheck.ReadWholeLogAsync(host);
        Assert.Equal(Enumerable.Range(1, log.Count).Select(i => (long)i), log.Select(e => e.Position));
        var next = Assert.Single(log, e => e.Position == before + 1);
        Assert.Equal(redeemed.Id, Assert.IsType<Redeemed>(next.Event).RedemptionId);
        Assert.Equal(before + 1, await CommittedLastPositionAsync(host));

        await ResilienceReadModelCheck.AssertConsistentAsync(host, payments, everyPaymentWasAnswered: true);
    }

    [Fact]
    public async Task Payments_WhileEarlierTransactionsAreOpenBeforeTheirBatch_CommitAtOnceAndTheLateOnesComeAfterThem()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.MariaDbRedis);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var merchantId = ResiliencePayments.MerchantGuid(merchant.MerchantId);
        var payments = new List<ResiliencePayment>();
        var phones = Enumerable.Range(0, 4).Select(_ => Phones.Next()).ToList();
        var tokens = new List<string>();
        foreach (var phone in phones)
        {
            tokens.Add(await host.SignInAsync(phone));
            payments.Add(await ResiliencePayments.RechargeAsync(host, merchant.OwnerToken, merchant.MerchantId, phone, 5_000));
        }

        // The merchant's first sale opens its sales accounts, which a concurrent first sale would wait for.
        payments.Add(await ResiliencePayments.RedeemAsync(host, tokens[3], merchant.MerchantId, 100));
        Assert.All(payments, p => Assert.True(p.Succeeded, p.ToString()));
        await host.WaitForProjectionsAsync();
        var before = await CommittedLastPositionAsync(host);

        // Two payments at the merchant, each decided and posted through the real handler and ledger inside its own
        // open transaction — the customer's accounts updated, the redemption saved — and stopped just before the
        // commit batch. One will commit late, the other roll back. (Inside the provider's execution strategy, as
        // the unit of work runs; a second attempt would prove nothing, so it fails instead.)
        await using var scope = host.Services.CreateAsyncScope();
        var attempts = 0;
        Guid lateId = default, abandonedId = default;
        var meanwhilePositions = new List<long>();
        await scope.ServiceProvider.GetRequiredService<CodeScanDbContext>().Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            Assert.Equal(1, ++attempts);
            await using var late = await HeldRedeemAsync(host, phones[0], merchantId, 1_000);
            await using var abandoned = await HeldRedeemAsync(host, phones[1], merchantId, 700);
            lateId = late.RedemptionId;
            abandonedId = abandoned.RedemptionId;

            // Payments of other customers at the same merchant go through while both are open: nothing they
            // need is held by a transaction that has not reached its last round trip.
            var meanwhile = await Task.WhenAll(tokens.Skip(2).Select(t => Task.Run(() => ResiliencePayments.RedeemAsync(host, t, merchant.MerchantId, 300))))
                .WaitAsync(TimeSpan.FromSeconds(30));
            Assert.All(meanwhile, p => Assert.True(p.Succeeded, p.ToString()));
            payments.AddRange(meanwhile);
            var ids = meanwhile.Select(p => p.Id!.Value).ToHashSet();
            meanwhilePositions.AddRange((await ResilienceReadModelCheck.ReadWholeLogAsync(host))
                .Where(e => e.Event is Redeemed d && ids.Contains(d.RedemptionId)).Select(e => e.Position));
            Assert.Equal(meanwhile.Length, meanwhilePositions.Count);

            await abandoned.Transaction.RollbackAsync();
            await late.Scope.ServiceProvider.GetRequiredService<CommitBatch>().ExecuteAsync(late.Db, late.Events, DateTimeOffset.UtcNow, CancellationToken.None);
            await late.Transaction.CommitAsync();
        });

        payments.Add(new ResiliencePayment("Redemption", merchantId, 1_000, lateId, null, null));

        // The late payment took a position after everything committed meanwhile; the abandoned one left no
        // trace and no gap.
        var log = await ResilienceReadModelCheck.ReadWholeLogAsync(host);
        Assert.Equal(Enumerable.Range(1, log.Count).Select(i => (long)i), log.Select(e => e.Position));
        var latePosition = Assert.Single(log, e => e.Event is Redeemed d && d.RedemptionId == lateId).Position;
        Assert.All(meanwhilePositions, p => Assert.True(p > before && p < latePosition, $"{p} is not between {before} and the late payment's {latePosition}"));
        Assert.DoesNotContain(log, e => e.Event is Redeemed d && d.RedemptionId == abandonedId);

        await ResilienceReadModelCheck.AssertConsistentAsync(host, payments, everyPaymentWasAnswered: true);
        var alerts = await host.Services.GetRequiredService<IReadModelStore>().GetAlertsAsync(merchantId, latePosition - 1, 1, CancellationToken.None);
        Assert.Equal(latePosition, Assert.Single(alerts).Position);
    }

    /// <summary>A real <c>redeem</c> of <paramref name="phone"/>'s stored value, decided, posted and saved in a transaction left open before its commit batch.</summary>
    private static async Task<HeldPayment> HeldRedeemAsync(CodeScanHost host, string phone, Guid merchantId, long amount)
    {
        var customer = await ResiliencePayments.CustomerIdAsync(host, phone);
        var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
        var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted);
        var handler = new RedeemHandler(scope.ServiceProvider.GetRequiredService<IPaymentTermsReader>(), scope.ServiceProvider.GetRequiredService<RedemptionDesk>(), new FixedCurrentUser(new UserId(customer)));
        var outcome = await handler.Handle(
            new RedeemCommand(new MerchantId(merchantId), RedemptionMode.StoredValue, amount, null, null, null, null, Guid.NewGuid().ToString("N")),
            CancellationToken.None);
        Assert.True(outcome.IsSuccess, outcome.Error?.Message);
        var events = db.ChangeTracker.Entries<AggregateRoot>().SelectMany(e => e.Entity.DomainEvents).OrderBy(e => e.OccurredAt).ToList();
        await db.SaveChangesAsync();
        return new HeldPayment(scope, db, transaction, events, outcome.Value!.RedemptionId);
    }

    private sealed record HeldPayment(AsyncServiceScope Scope, CodeScanDbContext Db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction Transaction, IReadOnlyList<IDomainEvent> Events, Guid RedemptionId) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Scope.DisposeAsync();
        }
    }

    private static async Task<long> CommittedLastPositionAsync(CodeScanHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
        return await db.EventSequence.AsNoTracking().Select(s => s.LastPosition).SingleAsync();
    }

    private static async Task<long> CommittedLogMaxAsync(CodeScanHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
        return await db.EventLog.AsNoTracking().MaxAsync(e => (long?)e.Position) ?? 0;
    }

    private static async Task<long> ConnectionIdAsync(CodeScanDbContext db) =>
        await db.Database.SqlQueryRaw<long>("SELECT CONNECTION_ID() AS Value").SingleAsync();

    /// <summary>
    /// Reads InnoDB's own lock monitor (SHOW ENGINE INNODB STATUS with innodb_status_output_locks on, which
    /// lists every lock each transaction holds or waits for): the MariaDB threads of this test's database
    /// waiting for a record lock on event_sequence, and whether <paramref name="holder"/> holds the X lock on it.
    /// (information_schema.INNODB_TRX is no help here: MariaDB 10.11 leaves these waiters out of it.)
    /// </summary>
    private static async Task<(bool HolderHoldsRow, IReadOnlySet<long> Waiters, string Status)> SequenceLocksAsync(CodeScanHost host, long holder)
    {
        var database = new MySqlConnectionStringBuilder(host.Stores.MySqlConnectionString!).Database;
        var table = $"of table `{database}`.`event_sequence`";
        await using var connection = new MySqlConnection(TestServers.MySql);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SET GLOBAL innodb_status_output_locks = ON; SHOW ENGINE INNODB STATUS;";
        string status;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            status = reader.GetString(2);
        }

        var holderHoldsRow = false;
        var waiters = new HashSet<long>();
        foreach (var transaction in status.Split("---TRANSACTION ").Skip(1))
        {
            var thread = Regex.Match(transaction, @"(?:MariaDB|MySQL) thread id (\d+)");
            if (!thread.Success)
            {
                continue;
            }

            var id = long.Parse(thread.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            foreach (var line in transaction.Split('\n').Where(l => l.StartsWith("RECORD LOCKS ", StringComparison.Ordinal) && l.Contains(table, StringComparison.Ordinal)))
            {
                if (line.TrimEnd().EndsWith("waiting", StringComparison.Ordinal))
                {
                    waiters.Add(id);
                }
                else if (id == holder && line.Contains("lock_mode X", StringComparison.Ordinal))
                {
                    holderHoldsRow = true;
                }
            }
        }

        return (holderHoldsRow, waiters, status);
    }

    /// <summary>Waits until every writer is parked on the event_sequence row, which <paramref name="holder"/> holds.</summary>
    private static async Task AssertWritersParkOnSequenceRowAsync(CodeScanHost host, long holder, IReadOnlyCollection<Task<ResiliencePayment>> writers, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var (holderHoldsRow, waiters, status) = await SequenceLocksAsync(host, holder);
            Assert.All(writers, w => Assert.False(w.IsCompleted, "A later writer finished while an earlier position was open: " + (w.IsCompleted ? w.Result : null)));
            if (holderHoldsRow && waiters.Count == writers.Count)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                // Not a TimeoutException: the execution strategy would take that for a transient error.
                Assert.Fail($"Holder {holder} holds the event_sequence row: {holderHoldsRow}; waiting on it: {waiters.Count} of {writers.Count}. Processes:\n{await ProcessesReportAsync()}\nInnoDB status:\n{status}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>What every busy connection of the server is doing, for a failure message.</summary>
    private static async Task<string> ProcessesReportAsync()
    {
        await using var connection = new MySqlConnection(TestServers.MySql);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ID, DB, COMMAND, TIME, STATE, INFO FROM information_schema.PROCESSLIST WHERE COMMAND <> 'Sleep'";
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "-" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return string.Join("\n", lines);
    }

    private sealed class FixedCurrentUser(UserId id) : ICurrentUser
    {
        public UserId? Id => id;

        public bool IsPlatformAdmin => false;
    }
}
