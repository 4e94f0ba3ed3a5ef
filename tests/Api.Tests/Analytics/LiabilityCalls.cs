using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;
using CodeScan.Domain.Ledger;
using CodeScan.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>The liability report as a back office asks for it, and the ledger it must agree with.</summary>
public static class LiabilityCalls
{
    public const string Figures = """
        storedValue { principal { minorUnits currency } bonus { minorUnits } total { minorUnits } }
        timesCards { cards uses value { minorUnits } }
        coupons { count faceValue { minorUnits } deferredRevenue { minorUnits } }
        membershipCards { count deferredRevenue { minorUnits } }
        deferredRevenue { minorUnits } total { minorUnits }
        """;

    public const string MerchantLiability =
        "query($m: ID!, $asOf: Date) { merchantLiability(merchantId: $m, asOf: $asOf) { merchantId timeZone currency asOf"
        + " outstanding { " + Figures + " } aging { fromDays toDays liability { " + Figures + " } } breakage { " + Figures + " } } }";

    /// <summary>The whole response, so a test can look at errors as well as data.</summary>
    public static Task<JsonObject> LiabilityResponseAsync(this CodeScanHost host, string? token, string merchantId, DateOnly? asOf = null) =>
        host.GraphQLAsync(token, MerchantLiability, new { m = merchantId, asOf = asOf is { } day ? SalesCalls.Iso(day) : null });

    public static async Task<JsonObject> LiabilityAsync(this MerchantScenario merchant, DateOnly? asOf = null, string? token = null) =>
        (await merchant.Host.LiabilityResponseAsync(token ?? merchant.OwnerToken, merchant.MerchantId, asOf)).Data("merchantLiability");

    public static int Number(this JsonNode figures, string line, string field) => figures[line]![field]!.GetValue<int>();

    /// <summary>The aging bucket that starts at <paramref name="fromDays"/>.</summary>
    public static JsonNode Bucket(this JsonObject liability, int fromDays) =>
        liability["aging"]!.AsArray().Single(b => b!["fromDays"]!.GetValue<int>() == fromDays)!["liability"]!;

    /// <summary>The ledger's balances for the merchant: its customers' principal and bonus, and its deferred revenue.</summary>
    public static async Task<(long Principal, long Bonus, long DeferredRevenue)> LedgerAsync(CodeScanHost host, string merchantGlobalId)
    {
        var merchantId = new Domain.Common.MerchantId(CodeScan.Api.GraphQL.GlobalId.ToMerchantId(merchantGlobalId).Value);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
        var accounts = await db.LedgerAccounts.AsNoTracking().Where(a => a.MerchantId == merchantId).ToListAsync();
        long Of(AccountKind kind) => accounts.Where(a => a.Kind == kind).Sum(a => a.Balance);
        return (Of(AccountKind.CustomerPrincipal), Of(AccountKind.CustomerBonus), Of(AccountKind.MerchantDeferredRevenue));
    }

    /// <summary>
    /// The report agrees with the ledger to the minor unit: stored value outstanding is the customers' balances,
    /// and deferred revenue outstanding plus what expired unused is the merchant's deferred revenue account
    /// (the ledger keeps an expired card's or coupon's price deferred: expiry is a matter of time, not a transfer).
    /// The aging buckets add up to what is outstanding.
    /// </summary>
    public static async Task AssertAgreesWithTheLedgerAsync(this MerchantScenario merchant, JsonObject liability)
    {
        var (principal, bonus, deferred) = await LedgerAsync(merchant.Host, merchant.MerchantId);
        var outstanding = liability["outstanding"]!;
        Assert.Equal(principal, outstanding.Minor("storedValue", "principal"));
        Assert.Equal(bonus, outstanding.Minor("storedValue", "bonus"));
        Assert.Equal(deferred, outstanding["deferredRevenue"]!["minorUnits"]!.GetValue<long>() + liability["breakage"]!["deferredRevenue"]!["minorUnits"]!.GetValue<long>());
        Assert.Equal(0, liability["breakage"]!.Minor("storedValue", "total"));
        Assert.Equal(Flat(outstanding), liability["aging"]!.AsArray().Select(b => Flat(b!["liability"]!)).Aggregate((a, b) => [.. a.Zip(b, (x, y) => x + y)]));
    }

    /// <summary>Every number of a figures object, in order.</summary>
    public static long[] Flat(JsonNode figures) =>
        [.. figures.AsObject().SelectMany(line => line.Value is JsonObject o ? o.Select(f => f.Value is JsonObject m ? m["minorUnits"]!.GetValue<long>() : f.Value!.GetValue<long>())
            : [line.Value!["minorUnits"]!.GetValue<long>()])];
}
