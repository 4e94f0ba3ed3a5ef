using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;
using static CodeScan.Api.Tests.Analytics.SalesCalls;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>The platform's report and the platform analyst role, as a platform back office asks for them.</summary>
public static class PlatformCalls
{
    public const string PlatformSales =
        "query($from: Date!, $to: Date!, $g: SalesGranularity, $c: String) { platformSales(from: $from, to: $to, granularity: $g, currency: $c) {"
        + " currency from to granularity periods { from to " + Totals + " } total { from to " + Totals + " } } }";

    public const string AddPlatformAnalyst =
        "mutation($input: PlatformAnalystInput!) { addPlatformAnalyst(input: $input) { analyst { userId phone } errors { code message path } } }";

    public const string RemovePlatformAnalyst =
        "mutation($input: PlatformAnalystInput!) { removePlatformAnalyst(input: $input) { analyst { userId phone } errors { code message path } } }";

    public const string PlatformAnalysts = "{ platformAnalysts { userId phone } }";

    public static Task<JsonObject> PlatformSalesResponseAsync(this CodeScanHost host, string? token, DateOnly from, DateOnly to, string granularity = "DAY", string currency = "CNY") =>
        host.GraphQLAsync(token, PlatformSales, new { from = Iso(from), to = Iso(to), g = granularity, c = currency });

    /// <summary>The admin makes a new phone a platform analyst; returns the phone (E.164) and a token it signed in with.</summary>
    public static async Task<(string Phone, string Token)> NewPlatformAnalystAsync(this CodeScanHost host)
    {
        var phone = Phones.Next();
        var admin = await host.SignInAsync(CodeScanHost.AdminPhone);
        var added = (await host.GraphQLAsync(admin, AddPlatformAnalyst, new { input = new { phone } })).Data("addPlatformAnalyst");
        Assert.Empty(added.ErrorCodes());
        Assert.Equal("+86" + phone, added["analyst"]!["phone"]!.GetValue<string>());
        return ("+86" + phone, await host.SignInAsync(phone));
    }
}
