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
