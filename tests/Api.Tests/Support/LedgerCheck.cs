using CodeScan.Domain.Ledger;
using CodeScan.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Support;

/// <summary>
/// Runs after every money test: Σ debits = Σ credits per currency, no customer account below zero, and
/// each account's totals equal the sums of its transfers.
/// </summary>
public static class LedgerCheck
{
    public static async Task AssertBalancedAsync(CodeScanHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
        var accounts = await db.LedgerAccounts.AsNoTracking().ToListAsync();
        var transfers = await db.Transfers.AsNoTracking().ToListAsync();

        foreach (var currency in accounts.Select(a => a.Currency).Distinct())
        {
            var inCurrency = accounts.Where(a => a.Currency == currency).ToList();
            Assert.Equal(inCurrency.Sum(a => a.DebitsPosted), inCurrency.Sum(a => a.CreditsPosted));
        }

        foreach (var account in accounts)
        {
            Assert.Equal(transfers.Where(t => t.DebitAccountId == account.Id).Sum(t => t.Amount), account.DebitsPosted);
            Assert.Equal(transfers.Where(t => t.CreditAccountId == account.Id).Sum(t => t.Amount), account.CreditsPosted);
            if (account.Kind.DebitsMustNotExceedCredits())
            {
                Assert.True(account.Balance >= 0, $"Account {account.Id} ({account.Kind}) is negative: {account.Balance}");
            }
        }

        Assert.All(transfers, t => Assert.True(t.Amount > 0));
        await AssertInstrumentsMatchTheLedgerAsync(db, accounts);
    }

    /// <summary>
    /// Cards and coupons agree with the ledger: a times card's uses are what its redemptions took less what
    /// reversals gave back, and each merchant's deferred revenue is exactly what it has not yet honoured —
    /// membership cards, the unused share of each times card (price × unused / granted, rounded as the
    /// domain recognises it), and every coupon not used.
    /// </summary>
    private static async Task AssertInstrumentsMatchTheLedgerAsync(CodeScanDbContext db, IReadOnlyList<LedgerAccount> accounts)
    {
        var cards = await db.Cards.AsNoTracking().ToListAsync();
        var coupons = await db.Coupons.AsNoTracking().ToListAsync();
        var redemptions = await db.Redemptions.AsNoTracking().ToListAsync();
        var reversals = await db.RedemptionReversals.AsNoTracking().ToListAsync();

        foreach (var card in cards.Where(c => c.UsesGranted is not null))
        {
            var taken = redemptions.Where(r => r.TimesCardId == card.Id).Sum(r => r.Uses) - reversals.Where(r => r.TimesCardId == card.Id).Sum(r => r.UsesRestored);
            Assert.True(taken == card.UsesUsed, $"Card {card.Id}: uses_used {card.UsesUsed}, redemptions say {taken}");
        }

        foreach (var coupon in coupons)
        {
            var holder = redemptions.SingleOrDefault(r => r.CouponId == coupon.Id && !reversals.Any(v => v.RedemptionId == r.Id && v.CouponRestored));
            Assert.True((coupon.Status == Domain.Instruments.CouponStatus.Used) == (holder is not null), $"Coupon {coupon.Id} is {coupon.Status} but its redemptions say otherwise");
        }

        foreach (var deferred in accounts.Where(a => a.Kind == AccountKind.MerchantDeferredRevenue))
        {
            var owed = cards.Where(c => c.MerchantId == deferred.MerchantId)
                    .Sum(c => c.UsesGranted is { } granted ? c.AmountPaid - (c.AmountPaid * c.UsesUsed / granted) : c.AmountPaid)
                + coupons.Where(c => c.MerchantId == deferred.MerchantId && c.Status == Domain.Instruments.CouponStatus.Available).Sum(c => c.AmountPaid);
            Assert.True(owed == deferred.Balance, $"Merchant {deferred.MerchantId}: deferred revenue {deferred.Balance}, unhonoured cards and coupons {owed}");
        }
    }

    /// <summary>The merchant's own accounts (cash, sales, bonus expense, deferred revenue) by kind.</summary>
    public static async Task<Dictionary<string, long>> MerchantBalancesAsync(CodeScanHost host, string merchantGlobalId)
    {
        Assert.True(CodeScan.Api.GraphQL.GlobalId.TryDecode(merchantGlobalId, "Merchant", out var id));
        var merchantId = new Domain.Common.MerchantId(id);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
        var accounts = await db.LedgerAccounts.AsNoTracking().Where(a => a.MerchantId == merchantId && a.CustomerId == null).ToListAsync();
        return Enum.GetValues<AccountKind>().Where(k => !k.IsCustomerAccount())
            .ToDictionary(k => k.ToString(), k => accounts.Where(a => a.Kind == k).Sum(a => a.Balance));
    }

    /// <summary>The last event-log position and total transfer count: equal before and after means nothing changed.</summary>
    public static async Task<(long LastPosition, int Transfers, long Debits)> FingerprintAsync(CodeScanHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
        var last = await db.EventSequence.AsNoTracking().Select(s => s.LastPosition).SingleAsync();
        var count = await db.Transfers.CountAsync();
        var debits = await db.LedgerAccounts.SumAsync(a => a.DebitsPosted);
        return (last, count, debits);
    }
}
