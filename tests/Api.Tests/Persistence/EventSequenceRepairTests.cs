using CodeScan.Api.Tests.Support;
using CodeScan.Infrastructure.Persistence;
using CodeScan.Infrastructure.Persistence.EventLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Persistence;

/// <summary>
/// Payments take event positions from the one <c>event_sequence</c> row. A database whose row is gone or stands behind
/// the log (a partial restore, a hand-edited table) would hand out positions already taken — payments refused as
/// duplicates — or, on MariaDB, positions at or below zero that the projector never reads. A node starting on such a
/// database puts the row back to the log's last position before it takes a payment.
/// </summary>
public abstract class EventSequenceRepairTests(StoreMode mode)
{
    [Theory]
    [InlineData("DELETE FROM event_sequence")]
    [InlineData("UPDATE event_sequence SET last_position = 1")]
    public async Task Restart_WhenTheSequenceRowIsMissingOrBehindTheLog_PaymentsTakeTheNextPositions(string damage)
    {
        var stores = HostStores.Create(mode);
        MerchantScenario merchant;
        string token;
        long lastBefore;
        await using (var first = await CodeScanHost.StartAsync(stores))
        {
            merchant = await MerchantScenario.ApprovedAsync(first);
            var phone = Phones.Next();
            token = await first.SignInAsync(phone);
            var funded = await ResiliencePayments.RechargeAsync(first, merchant.OwnerToken, merchant.MerchantId, phone, 10_000);
            Assert.True(funded.Succeeded, funded.ToString());
            lastBefore = (await PositionsAsync(first))[^1];
            Assert.True(lastBefore > 1, $"Only {lastBefore} events before the damage.");
            await OnDatabaseAsync(first, db => db.Database.ExecuteSqlRawAsync(damage));
        }

        await using var second = await CodeScanHost.StartAsync(stores);
        var payments = new[]
        {
            await ResiliencePayments.RedeemAsync(second, token, merchant.MerchantId, 1_000),
            await ResiliencePayments.RedeemAsync(second, token, merchant.MerchantId, 500),
        };
        Assert.All(payments, p => Assert.True(p.Succeeded, p.ToString()));

        // One run of positions from 1, none taken twice or lost below the first, and the row at the last of them.
        var positions = await PositionsAsync(second);
        Assert.Equal(Enumerable.Range(1, positions.Count).Select(i => (long)i), positions);
        Assert.True(positions[^1] > lastBefore, $"No event after position {lastBefore}.");
        Assert.Equal(positions[^1], await OnDatabaseAsync(second, db => db.EventSequence.AsNoTracking().Select(s => s.LastPosition).SingleAsync()));

        // The projector read both payments: the wallet shows them.
        await second.WaitForProjectionsAsync();
        Assert.Equal(8_500, await merchant.WalletBalanceAsyncOn(second, token));
    }

    private static Task<List<long>> PositionsAsync(CodeScanHost host) =>
        OnDatabaseAsync(host, db => db.EventLog.AsNoTracking().OrderBy(e => e.Position).Select(e => e.Position).ToListAsync());

    private static async Task<T> OnDatabaseAsync<T>(CodeScanHost host, Func<CodeScanDbContext, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CodeScanDbContext>());
    }
}

public sealed class EmbeddedEventSequenceRepairTests() : EventSequenceRepairTests(StoreMode.Embedded);

public sealed class MariaDbEventSequenceRepairTests() : EventSequenceRepairTests(StoreMode.MariaDbRedis);
