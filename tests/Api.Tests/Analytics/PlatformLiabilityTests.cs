using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Redemptions;
using CodeScan.Api.Tests.Support;
using static CodeScan.Api.Tests.Analytics.PlatformCalls;
using static CodeScan.Api.Tests.Analytics.SalesCalls;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// Issue 12, the platform's liability: what every merchant in a currency owes together is, figure by figure and
/// bucket by bucket, the sum of the merchants' own reports; another currency never joins it; bad input is refused.
/// </summary>
public abstract class PlatformLiabilityTests(StoreMode mode)
{
    private const string Query =
        "query($asOf: Date, $c: String) { platformLiability(asOf: $asOf, currency: $c) { currency asOf"
        + " outstanding { " + LiabilityCalls.Figures + " } aging { fromDays toDays liability { " + LiabilityCalls.Figures + " } } breakage { " + LiabilityCalls.Figures + " } } }";

    [Fact]
    public async Task PlatformLiability_IsTheSumOfTheMerchantsLiabilityInItsCurrency()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var tea = await MerchantScenario.ApprovedAsync(host);
        var noodles = await MerchantScenario.ApprovedAsync(host);
        var dollars = await MerchantScenario.ApprovedAsync(host, "EN_US", "USD");
        foreach (var (merchant, amount) in new[] { (tea, 10_000L), (noodles, 7_000L), (dollars, 3_000L) })
        {
            var phone = Phones.Next();
            Assert.Empty((await merchant.RechargeAsync(phone, amount, bonus: amount / 10)).Data("rechargeAtCounter").ErrorCodes());
            await merchant.GiveTimesCardAsync(phone, uses: 4, price: 8_000);
        }

        await host.WaitForProjectionsAsync();
        var (_, analyst) = await host.NewPlatformAnalystAsync();
        var asOf = LocalDate(DateTimeOffset.UtcNow, "Asia/Shanghai");

        var platform = (await host.GraphQLAsync(analyst, Query, new { asOf = Iso(asOf), c = "CNY" })).Data("platformLiability");
        var (a, b) = (await tea.LiabilityAsync(asOf), await noodles.LiabilityAsync(asOf));
        Assert.Equal(Sum(Leaves(a["outstanding"]!), Leaves(b["outstanding"]!)), Leaves(platform["outstanding"]!));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(Sum(Leaves(a["aging"]![i]!["liability"]!), Leaves(b["aging"]![i]!["liability"]!)), Leaves(platform["aging"]![i]!["liability"]!));
        }

        Assert.Equal(17_000 + 1_700 + 16_000, platform["outstanding"]!["total"]!["minorUnits"]!.GetValue<long>());
        var usd = (await host.GraphQLAsync(analyst, Query, new { asOf = (string?)null, c = "USD" })).Data("platformLiability");
        Assert.Equal(Leaves((await dollars.LiabilityAsync(asOf))["outstanding"]!), Leaves(usd["outstanding"]!));
        Assert.Equal("USD", usd["currency"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("XXX", null, "The platform trades in CNY, HKD, USD, EUR, JPY; 'XXX' is not one of them.")]
    [InlineData("CNY", "1999-12-31", "'asOf' must be a past or present date from 2000-01-01; 1999-12-31 is not.")]
    public async Task PlatformLiability_WithAnUnknownCurrencyOrAnImpossibleDay_IsRefused(string currency, string? asOf, string message)
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var (_, analyst) = await host.NewPlatformAnalystAsync();

        var refused = await host.GraphQLAsync(analyst, Query, new { asOf, c = currency });

        Assert.Equal("BAD_USER_INPUT", refused.GraphQLErrorCode());
        Assert.Equal(message, refused.ErrorMessages());
        Assert.Equal("FORBIDDEN", (await host.GraphQLAsync(await host.SignInAsync(Phones.Next()), Query, new { asOf = (string?)null, c = "CNY" })).GraphQLErrorCode());
    }

    /// <summary>Every number in a figures object, by its path.</summary>
    private static SortedDictionary<string, long> Leaves(JsonNode figures)
    {
        var leaves = new SortedDictionary<string, long>(StringComparer.Ordinal);
        void Walk(JsonNode node, string path)
        {
            foreach (var (key, value) in node.AsObject())
            {
                if (value is JsonObject child)
                {
                    Walk(child, path + key + ".");
                }
                else if (value is JsonValue number && number.TryGetValue<long>(out var n))
                {
                    leaves[path + key] = n;
                }
            }
        }

        Walk(figures, "");
        return leaves;
    }

    private static SortedDictionary<string, long> Sum(SortedDictionary<string, long> a, SortedDictionary<string, long> b) =>
        new(a.ToDictionary(e => e.Key, e => e.Value + b[e.Key]), StringComparer.Ordinal);
}

public sealed class EmbeddedPlatformLiabilityTests() : PlatformLiabilityTests(StoreMode.Embedded);

public sealed class MariaDbPlatformLiabilityTests() : PlatformLiabilityTests(StoreMode.MariaDbRedis);
