using System.Globalization;
using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>The sales report as a back office asks for it, the analyst role and the time zone setting.</summary>
public static class SalesCalls
{
    public const string Totals = """
        payments { count bill { minorUnits } membershipDiscount { minorUnits } couponDiscount { minorUnits }
          fromPrincipal { minorUnits } fromBonus { minorUnits } paidOutside { minorUnits } timesCardUses }
        reversals { count principal { minorUnits } bonus { minorUnits } outside { minorUnits } timesCardUses }
        recharges { count principal { minorUnits } bonus { minorUnits } }
        cardSales { count amount { minorUnits } } couponSales { count amount { minorUnits } } net { minorUnits currency }
        """;

    public const string MerchantSales =
        "query($m: ID!, $from: Date!, $to: Date!, $g: SalesGranularity) { merchantSales(merchantId: $m, from: $from, to: $to, granularity: $g) {"
        + " merchantId timeZone currency from to granularity"
        + " periods { from to " + Totals + " paymentsByMode { mode channel totals { count bill { minorUnits } fromPrincipal { minorUnits } paidOutside { minorUnits } } } }"
        + " total { from to " + Totals + " } } }";

    public const string SetTimeZone =
        "mutation($input: SetMerchantTimeZoneInput!) { setMerchantTimeZone(input: $input) { merchant { id timeZone } errors { code message path } } }";

    public const string AddAnalyst =
        "mutation($input: AnalystInput!) { addAnalyst(input: $input) { merchant { id staff { role phone } } errors { code message } } }";

    public const string RemoveAnalyst =
        "mutation($input: AnalystInput!) { removeAnalyst(input: $input) { merchant { id } errors { code message } } }";

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The whole response, so a test can look at errors as well as data.</summary>
    public static Task<JsonObject> SalesResponseAsync(this CodeScanHost host, string? token, string merchantId, DateOnly from, DateOnly to, string granularity = "DAY") =>
        host.GraphQLAsync(token, MerchantSales, new { m = merchantId, from = Iso(from), to = Iso(to), g = granularity });

    public static async Task<JsonObject> SalesAsync(this MerchantScenario merchant, DateOnly from, DateOnly to, string granularity = "DAY", string? token = null) =>
        (await merchant.Host.SalesResponseAsync(token ?? merchant.OwnerToken, merchant.MerchantId, from, to, granularity)).Data("merchantSales");

    public static async Task<JsonObject> SetTimeZoneAsync(this MerchantScenario merchant, string timeZone) =>
        (await merchant.Host.GraphQLAsync(merchant.OwnerToken, SetTimeZone, new { input = new { merchantId = merchant.MerchantId, timeZone } })).Data("setMerchantTimeZone");

    /// <summary>Adds a new analyst to the merchant; returns their phone and token.</summary>
    public static async Task<(string Phone, string Token)> AddAnalystAsync(this MerchantScenario merchant)
    {
        var phone = Phones.Next();
        var token = await merchant.Host.SignInAsync(phone);
        var added = (await merchant.Host.GraphQLAsync(merchant.OwnerToken, AddAnalyst, new { input = new { merchantId = merchant.MerchantId, phone } })).Data("addAnalyst");
        Assert.Empty(added.ErrorCodes());
        return (phone, token);
    }

    /// <summary>The period of a DAY report that covers <paramref name="day"/>.</summary>
    public static JsonObject Day(this JsonObject sales, DateOnly day) =>
        sales["periods"]!.AsArray().Single(p => p!["from"]!.GetValue<string>() == Iso(day))!.AsObject();

    public static int Count(this JsonNode period, string section) => period[section]!["count"]!.GetValue<int>();

    public static long Minor(this JsonNode period, string section, string field) => period[section]![field]!["minorUnits"]!.GetValue<long>();

    /// <summary>The instant a local date begins in a zone.</summary>
    public static DateTimeOffset StartOf(DateOnly day, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The local date of an instant in a zone.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);
}
