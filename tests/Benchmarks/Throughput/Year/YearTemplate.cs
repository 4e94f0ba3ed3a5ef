using System.Text.Json.Nodes;

namespace CodeScan.Benchmarks.Throughput.Year;

/// <summary>
/// One merchant's first day, made through the real API: the <b>setup</b> (the owner, the merchant registered and
/// approved, a times-card product and a coupon template, the customers signed in) and one <b>day of trade</b> (each
/// customer recharges with a bonus, pays from stored value, is sold a times card and a coupon at the counter, pays
/// with both, and has the first payment partly reversed). <see cref="YearCopies"/> repeats the day for a year.
/// </summary>
internal static class YearTemplate
{
    public const string OwnerPhone = "13900000001";
    public const string AdminPhone = "13800000000";
    public const int Customers = 4;

    /// <summary>The merchant's GraphQL id, and the last event-log positions of the setup and of the day.</summary>
    public static async Task<(string MerchantId, long SetupEnd, long DayEnd)> RecordAsync(ApiUnderTest api)
    {
        var owner = await api.SignInAsync(OwnerPhone);
        var admin = await api.SignInAsync(AdminPhone);
        var merchant = (await api.SetupAsync(owner,
            "mutation { registerMerchant(input: { name: \"Year Tea\", contactPhone: \"" + OwnerPhone + "\", businessLicenceNumber: \"Y1\", address: \"1 Road\", category: \"tea\" }) { merchant { id } errors { code message } } }"))
            ["registerMerchant"]!["merchant"]!["id"]!.GetValue<string>();
        await api.SetupAsync(admin, "mutation($m: ID!) { approveMerchant(input: { merchantId: $m }) { merchant { id } errors { code message } } }", new { m = merchant });
        var card = (await api.SetupAsync(owner,
            "mutation($m: ID!) { defineCardProduct(input: { merchantId: $m, kind: TIMES_CARD, name: \"10 teas\", price: 20000, uses: 10, validityDays: 90 }) { cardProduct { id } errors { code message } } }",
            new { m = merchant }))["defineCardProduct"]!["cardProduct"]!["id"]!.GetValue<string>();
        var coupon = (await api.SetupAsync(owner,
            "mutation($m: ID!) { defineCouponTemplate(input: { merchantId: $m, name: \"5 off\", kind: CASH_OFF, amountOff: 500, price: 0, validityDays: 30, totalStock: 1000000, perCustomerLimit: 1000 }) { couponTemplate { id } errors { code message } } }",
            new { m = merchant }))["defineCouponTemplate"]!["couponTemplate"]!["id"]!.GetValue<string>();
        var customers = new List<(string Phone, string Token)>();
        for (var i = 0; i < Customers; i++)
        {
            var phone = "1360000" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            customers.Add((phone, await api.SignInAsync(phone)));
        }

        await api.WaitForProjectorAsync(TimeSpan.FromMinutes(1));
        var setupEnd = await api.LastPositionAsync();
        foreach (var (phone, token) in customers)
        {
            await TradeAsync(api, owner, merchant, card, coupon, phone, token);
        }

        await api.WaitForProjectorAsync(TimeSpan.FromMinutes(1));
        return (merchant, setupEnd, await api.LastPositionAsync());
    }

    private static async Task TradeAsync(ApiUnderTest api, string owner, string merchant, string card, string coupon, string phone, string token)
    {
        const string Recharge = "mutation($m: ID!, $p: String!, $k: String!) { rechargeAtCounter(input: { merchantId: $m, customerPhone: $p, amount: 20000, bonus: 2000, idempotencyKey: $k }) { errors { code message } } }";
        const string Issue = "mutation($m: ID!, $p: String!, $item: CatalogItemInput!, $k: String!) { issueAtCounter(input: { merchantId: $m, customerPhone: $p, item: $item, idempotencyKey: $k }) { instrument { id } errors { code message } } }";
        await api.SetupAsync(owner, Recharge, new { m = merchant, p = phone, k = Key() });
        var paid = await RedeemAsync(api, token, new JsonObject { ["merchantId"] = merchant, ["mode"] = "STORED_VALUE", ["amount"] = 3_500 });
        var cardId = (await api.SetupAsync(owner, Issue, new { m = merchant, p = phone, item = new { cardProductId = card }, k = Key() }))["issueAtCounter"]!["instrument"]!["id"]!.GetValue<string>();
        await RedeemAsync(api, token, new JsonObject { ["merchantId"] = merchant, ["mode"] = "TIMES_CARD", ["timesCardId"] = cardId, ["uses"] = 1 });
        var couponId = (await api.SetupAsync(owner, Issue, new { m = merchant, p = phone, item = new { couponTemplateId = coupon }, k = Key() }))["issueAtCounter"]!["instrument"]!["id"]!.GetValue<string>();
        await RedeemAsync(api, token, new JsonObject { ["merchantId"] = merchant, ["mode"] = "COUPON", ["couponId"] = couponId, ["amount"] = 2_800, ["payRestWith"] = "STORED_VALUE" });
        await api.SetupAsync(owner,
            "mutation($m: ID!, $r: ID!, $k: String!) { reverseRedemption(input: { merchantId: $m, redemptionId: $r, amount: 1000, reason: \"year\", idempotencyKey: $k }) { errors { code message } } }",
            new { m = merchant, r = paid, k = Key() });
    }

    private static async Task<string> RedeemAsync(ApiUnderTest api, string token, JsonObject input)
    {
        input["idempotencyKey"] = Key();
        var answer = await api.SetupAsync(token, "mutation($input: RedeemInput!) { redeem(input: $input) { redemption { id } errors { code message } } }", new { input });
        return answer["redeem"]!["redemption"]!["id"]!.GetValue<string>();
    }

    private static string Key() => Guid.NewGuid().ToString("N");
}
