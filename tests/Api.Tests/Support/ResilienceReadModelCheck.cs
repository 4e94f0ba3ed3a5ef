using CodeScan.Application.ReadModels;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Redemptions;
using CodeScan.Domain.Wallets;
using CodeScan.Infrastructure.Persistence;
using CodeScan.Infrastructure.Persistence.EventLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Support;

/// <summary>What the consistency check saw: payments in the write model, alerts in the read model, last log position.</summary>
public sealed record ResilienceConsistency(int Payments, int Alerts, long LastPosition, IReadOnlyList<(Guid MerchantId, Guid CustomerId)> Wallets);

/// <summary>
/// The end-of-test check for projection and resilience tests: the write model (ledger, payments, event log)
/// is the truth, and the read model must be exactly what it implies — nothing lost, nothing applied twice.
/// </summary>
public static class ResilienceReadModelCheck
{
    /// <summary>
    /// Waits for the projector, then asserts: the live read model equals a rebuild from position zero; the
    /// ledger balances; every wallet view equals the ledger's principal and bonus; each merchant's alert feed
    /// is exactly the payment events of the log for that merchant, in strictly increasing position order, one
    /// per payment; every payment row has exactly one event; every payment acknowledged over HTTP is in the
    /// write model — and, when <paramref name="everyPaymentWasAnswered"/>, the write model holds no other.
    /// </summary>
    public static async Task<ResilienceConsistency> AssertConsistentAsync(
        CodeScanHost host, IEnumerable<ResiliencePayment> payments, bool everyPaymentWasAnswered, TimeSpan? timeout = null)
    {
        await host.WaitForProjectionsAsync(timeout ?? TimeSpan.FromSeconds(20));

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
        var accounts = await db.LedgerAccounts.AsNoTracking().ToListAsync();
        var merchants = (await db.Merchants.AsNoTracking().ToListAsync()).Select(m => m.Id.Value).ToList();
        var recharges = await db.Recharges.AsNoTracking().ToListAsync();
        var redemptions = await db.Redemptions.AsNoTracking().ToListAsync();
        var log = await ReadWholeLogAsync(scope.ServiceProvider.GetRequiredService<EventLogReader>());

        var ledgerWallets = accounts
            .Where(a => a.CustomerId is not null && a.Kind is AccountKind.CustomerPrincipal or AccountKind.CustomerBonus)
            .GroupBy(a => (MerchantId: a.MerchantId.Value, CustomerId: a.CustomerId!.Value.Value))
            .ToDictionary(
                g => g.Key,
                g => (Principal: g.Where(a => a.Kind == AccountKind.CustomerPrincipal).Sum(a => a.Balance), Bonus: g.Where(a => a.Kind == AccountKind.CustomerBonus).Sum(a => a.Balance)));
        var wallets = ledgerWallets.Keys.ToList();

        // 1. Live equals a rebuild from zero (this also checks the log's positions are 1..N without a gap).
        await ReadModelRebuild.AssertLiveEqualsRebuildAsync(host, wallets, merchants);

        // 2. The ledger itself is sound.
        await LedgerCheck.AssertBalancedAsync(host);

        // 3. Every wallet view shows what the ledger holds.
        var live = host.Services.GetRequiredService<IReadModelStore>();
        foreach (var ((merchantId, customerId), balance) in ledgerWallets)
        {
            var view = await live.GetWalletAsync(merchantId, customerId, CancellationToken.None);
            Assert.True(view is not null || balance is { Principal: 0, Bonus: 0 }, $"No wallet view for {merchantId}/{customerId}, ledger holds {balance}.");
            Assert.Equal((balance.Principal, balance.Bonus), (view?.Principal ?? 0, view?.Bonus ?? 0));
        }

        // 4. One event per payment row, and the same payments on both sides.
        var paymentEvents = log
            .Select(e => e.Event switch
            {
                StoredValueRecharged r => (e.Position, MerchantId: r.MerchantId.Value, Id: r.RechargeId, Kind: AlertKind.StoredValueRecharged, r.Amount),
                Redeemed d => (e.Position, MerchantId: d.MerchantId.Value, Id: d.RedemptionId, Kind: AlertKind.StoredValueRedeemed, Amount: d.FromStoredValue),
                _ => (e.Position, MerchantId: Guid.Empty, Id: Guid.Empty, Kind: default(AlertKind), Amount: 0L),
            })
            .Where(p => p.Id != Guid.Empty)
            .ToList();
        var writeIds = recharges.Select(r => r.Id).Concat(redemptions.Select(r => r.Id)).Order().ToList();
        Assert.Equal(paymentEvents.Count, paymentEvents.Select(p => p.Id).Distinct().Count());
        Assert.Equal(writeIds, paymentEvents.Select(p => p.Id).Order().ToList());

        // 5. Each merchant's alert feed: strictly increasing positions, exactly the payment events, once each.
        var alertCount = 0;
        foreach (var merchantId in merchants)
        {
            var alerts = await live.GetAlertsAsync(merchantId, 0, int.MaxValue, CancellationToken.None);
            for (var i = 1; i < alerts.Count; i++)
            {
                Assert.True(alerts[i].Position > alerts[i - 1].Position, $"Alert positions not strictly increasing at {i}: {alerts[i - 1].Position}, {alerts[i].Position}.");
            }

            var expected = paymentEvents.Where(p => p.MerchantId == merchantId).ToList();
            Assert.Equal(expected.Select(p => p.Position).ToList(), alerts.Select(a => a.Position).ToList());
            Assert.Equal(expected.Select(p => (p.Kind, p.Amount)).ToList(), alerts.Select(a => (a.Kind, a.Amount)).ToList());
            Assert.All(alerts, a => Assert.Equal(merchantId, a.MerchantId));
            alertCount += alerts.Count;
        }

        Assert.Equal(writeIds.Count, alertCount);

        // 6. What HTTP acknowledged is in the write model, once; with every request answered, nothing else is.
        var acknowledged = payments.Where(p => p.Succeeded).Select(p => p.Id!.Value).ToList();
        Assert.Equal(acknowledged.Count, acknowledged.Distinct().Count());
        Assert.All(acknowledged, id => Assert.Contains(id, writeIds));
        if (everyPaymentWasAnswered)
        {
            Assert.Equal(writeIds, acknowledged.Order().ToList());
        }

        return new ResilienceConsistency(writeIds.Count, alertCount, log.Count == 0 ? 0 : log[^1].Position, wallets);
    }

    public static async Task<IReadOnlyList<EventEnvelope>> ReadWholeLogAsync(EventLogReader reader)
    {
        var all = new List<EventEnvelope>();
        while (true)
        {
            var batch = await reader.ReadAfterAsync(all.Count == 0 ? 0 : all[^1].Position, 1000, CancellationToken.None);
            if (batch.Count == 0)
            {
                return all;
            }

            all.AddRange(batch);
        }
    }

    public static async Task<IReadOnlyList<EventEnvelope>> ReadWholeLogAsync(CodeScanHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await ReadWholeLogAsync(scope.ServiceProvider.GetRequiredService<EventLogReader>());
    }
}
