using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Catalog;
using CodeScan.Api.Tests.Orders;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.BackOffice;

/// <summary>The merchant's back office pages through everything it issued, newest first, without gaps or repeats.</summary>
public abstract class IssuedInstrumentsTests(StoreMode mode)
{
    private const string Query = """
        query($m: ID!, $after: String, $first: Int) {
          issuedInstruments(merchantId: $m, after: $after, first: $first) { nodes { id kind name customerPhoneMasked source issuedAt } hasNextPage endCursor }
        }
        """;

    [Fact]
    public async Task IssuedInstruments_WhenPagedByThree_ListsEveryCardAndCouponOnceNewestFirst()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var cardProduct = (await merchant.TimesCardAsync())["cardProduct"]!["id"]!.GetValue<string>();
        var couponTemplate = (await merchant.CouponAsync(new { kind = "CASH_OFF", amountOff = 500L }, totalStock: 50, perCustomerLimit: 5))["couponTemplate"]!["id"]!.GetValue<string>();
        var phone = Phones.Next();
        var issued = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            issued.Add((await merchant.IssueAtCounterAsync(phone, new { cardProductId = cardProduct }))["instrument"]!["id"]!.GetValue<string>());
            issued.Add((await merchant.IssueAtCounterAsync(phone, new { couponTemplateId = couponTemplate }))["instrument"]!["id"]!.GetValue<string>());
        }

        var seen = new List<JsonNode>();
        string? after = null;
        JsonObject page;
        do
        {
            page = (await host.GraphQLAsync(merchant.OwnerToken, Query, new { m = merchant.MerchantId, after, first = 3 })).Data("issuedInstruments");
            seen.AddRange(page["nodes"]!.AsArray().Select(n => n!));
            after = page["endCursor"]?.GetValue<string>();
        }
        while (page["hasNextPage"]!.GetValue<bool>());

        Assert.Equal(issued.Order(), seen.Select(n => n["id"]!.GetValue<string>()).Order());
        Assert.Equal(8, seen.Select(n => n["id"]!.GetValue<string>()).Distinct().Count());
        var times = seen.Select(n => n["issuedAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.All(seen, n => Assert.Equal(phone[..3] + "****" + phone[^4..], n["customerPhoneMasked"]!.GetValue<string>()));
        Assert.All(seen, n => Assert.Equal("COUNTER", n["source"]!.GetValue<string>()));

        var stranger = await host.SignInAsync(Phones.Next());
        Assert.Equal("FORBIDDEN", (await host.GraphQLAsync(stranger, Query, new { m = merchant.MerchantId })).GraphQLErrorCode());
        Assert.Equal("BAD_USER_INPUT", (await host.GraphQLAsync(merchant.OwnerToken, Query, new { m = merchant.MerchantId, after = "nope" })).GraphQLErrorCode());
    }
}

public sealed class EmbeddedIssuedInstrumentsTests() : IssuedInstrumentsTests(StoreMode.Embedded);

public sealed class MariaDbIssuedInstrumentsTests() : IssuedInstrumentsTests(StoreMode.MariaDbRedis);
