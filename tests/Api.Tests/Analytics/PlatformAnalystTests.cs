using CodeScan.Api.Tests.Support;
using static CodeScan.Api.Tests.Analytics.PlatformCalls;
using static CodeScan.Api.Tests.Analytics.SalesCalls;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// Issue 12, who sees the platform: a platform admin grants the platform analyst role by mobile number and takes
/// it away; the role reads the platform's report and nothing else, and losing it is felt on the very next request
/// with the same access token.
/// </summary>
public abstract class PlatformAnalystTests(StoreMode mode)
{
    private static readonly DateOnly Day = new(2026, 6, 1);

    [Fact]
    public async Task PlatformAnalyst_ReadsThePlatformsReportAndNothingElse_UntilTheRoleIsTakenAway()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var admin = await host.SignInAsync(CodeScanHost.AdminPhone);
        var (phone, analyst) = await host.NewPlatformAnalystAsync();

        var me = await host.GraphQLAsync(analyst, "{ me { phone isPlatformAdmin isPlatformAnalyst } }", new { });
        Assert.Equal((phone, false, true), (me["data"]!["me"]!["phone"]!.GetValue<string>(), me["data"]!["me"]!["isPlatformAdmin"]!.GetValue<bool>(), me["data"]!["me"]!["isPlatformAnalyst"]!.GetValue<bool>()));
        Assert.Equal(Iso(Day), (await host.PlatformSalesResponseAsync(analyst, Day, Day)).Data("platformSales")["from"]!.GetValue<string>());
        Assert.Equal(Iso(Day), (await host.PlatformSalesResponseAsync(admin, Day, Day)).Data("platformSales")["from"]!.GetValue<string>());
        var listed = (await host.GraphQLAsync(admin, PlatformAnalysts, new { }))["data"]!["platformAnalysts"]!.AsArray();
        Assert.Contains(listed, a => a!["phone"]!.GetValue<string>() == phone);

        // Not a merchant's report, not the list of analysts, not the review queue.
        Assert.Equal("FORBIDDEN", (await host.SalesResponseAsync(analyst, merchant.MerchantId, Day, Day)).GraphQLErrorCode());
        Assert.Equal("FORBIDDEN", (await host.GraphQLAsync(analyst, PlatformAnalysts, new { })).GraphQLErrorCode());
        Assert.Equal("FORBIDDEN", (await host.GraphQLAsync(analyst, AddPlatformAnalyst, new { input = new { phone = Phones.Next() } })).GraphQLErrorCode());

        var again = (await host.GraphQLAsync(admin, AddPlatformAnalyst, new { input = new { phone } })).Data("addPlatformAnalyst");
        Assert.Equal(["INVALID_STATE_TRANSITION"], again.ErrorCodes());

        var removed = (await host.GraphQLAsync(admin, RemovePlatformAnalyst, new { input = new { phone } })).Data("removePlatformAnalyst");
        Assert.Empty(removed.ErrorCodes());
        var refused = await host.PlatformSalesResponseAsync(analyst, Day, Day);
        Assert.Equal("FORBIDDEN", refused.GraphQLErrorCode());
        Assert.Equal("Only platform analysts and admins may see the platform's reports.", refused.ErrorMessages());
        me = await host.GraphQLAsync(analyst, "{ me { isPlatformAnalyst } }", new { });
        Assert.False(me["data"]!["me"]!["isPlatformAnalyst"]!.GetValue<bool>());
        Assert.DoesNotContain((await host.GraphQLAsync(admin, PlatformAnalysts, new { }))["data"]!["platformAnalysts"]!.AsArray(), a => a!["phone"]!.GetValue<string>() == phone);
    }

    [Fact]
    public async Task PlatformAnalystRole_ForABadOrUnknownPhone_IsRefusedAndChangesNothing()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var admin = await host.SignInAsync(CodeScanHost.AdminPhone);

        var bad = (await host.GraphQLAsync(admin, AddPlatformAnalyst, new { input = new { phone = "not a phone" } })).Data("addPlatformAnalyst");
        Assert.Equal(["INVALID_INPUT"], bad.ErrorCodes());
        var unknown = (await host.GraphQLAsync(admin, RemovePlatformAnalyst, new { input = new { phone = Phones.Next() } })).Data("removePlatformAnalyst");
        Assert.Equal(["NOT_FOUND"], unknown.ErrorCodes());
        var customerPhone = Phones.Next();
        var customer = await host.SignInAsync(customerPhone);
        var notAnalyst = (await host.GraphQLAsync(admin, RemovePlatformAnalyst, new { input = new { phone = customerPhone } })).Data("removePlatformAnalyst");
        Assert.Equal(["NOT_FOUND"], notAnalyst.ErrorCodes());

        Assert.Empty((await host.GraphQLAsync(admin, PlatformAnalysts, new { }))["data"]!["platformAnalysts"]!.AsArray());
        Assert.Equal("FORBIDDEN", (await host.PlatformSalesResponseAsync(customer, Day, Day)).GraphQLErrorCode());
        Assert.Equal("UNAUTHENTICATED", (await host.PlatformSalesResponseAsync(null, Day, Day)).GraphQLErrorCode());
    }
}

public sealed class EmbeddedPlatformAnalystTests() : PlatformAnalystTests(StoreMode.Embedded);

public sealed class MariaDbPlatformAnalystTests() : PlatformAnalystTests(StoreMode.MariaDbRedis);
