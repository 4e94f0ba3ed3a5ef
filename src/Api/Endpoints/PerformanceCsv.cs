using System.Globalization;
using CodeScan.Api.GraphQL;
using CodeScan.Api.GraphQL.Catalog;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Analytics;
using CodeScan.Application.Analytics.GetMerchantInstrumentPerformance;
using CodeScan.Domain.Common;
using GraphQL;

namespace CodeScan.Api.Endpoints;

/// <summary>
/// <c>merchantInstrumentPerformance</c> as CSV: a row per coupon template and card product over the range, in the
/// report's order (the most redeemed first), every figure of the field; money in minor units and as an exact decimal,
/// rates as decimals with a point, empty where the field is null.
/// </summary>
internal sealed class PerformanceCsv(InstrumentPerformanceReport report, string fileName) : IResult
{
    public static readonly string[] Header =
    [
        "from", "to", "time_zone", "currency", "item_id", "kind", "name", "issued", "sold", "claimed", "at_counter", "issued_amount_minor",
        "issued_amount", "redeemed", "bill_minor", "bill", "discount_minor", "discount", "times_card_uses", "reversed", "refunded_minor",
        "refunded", "times_card_uses_given_back", "expired", "redemption_rate", "median_minutes_to_redeem",
    ];

    public async Task ExecuteAsync(HttpContext http)
    {
        await using var response = CsvResponse.Start(http, fileName, Header);
        foreach (var item in report.Items)
        {
            response.Csv.WriteRecord(Row(item));
        }

        await response.SendAsync();
    }

    private string?[] Row(InstrumentPerformanceRow r)
    {
        var digits = Currencies.MinorDigits(report.Currency);
        string N(long value) => value.ToString(CultureInfo.InvariantCulture);
        string M(long value) => Money.Format(value, digits);
        var template = r.Item.Kind == PerformanceItemKind.Coupon ? CouponTemplateType.TypeName : CardProductType.TypeName;
        return
        [
            Day(report.From), Day(report.To), report.TimeZone, report.Currency, GlobalId.Encode(template, r.Item.ItemId),
            r.Item.Kind.ToString().ToConstantCase(), RecordsCsv.Text(r.Item.Name), N(r.Issued.Total), N(r.Issued.Sold), N(r.Issued.Claimed),
            N(r.Issued.AtCounter), N(r.Issued.Amount), M(r.Issued.Amount), N(r.Redeemed), N(r.Bill), M(r.Bill), N(r.Discount), M(r.Discount),
            N(r.TimesCardUses), N(r.Reversed), N(r.Refunded), M(r.Refunded), N(r.TimesCardUsesGivenBack), N(r.Expired),
            r.RedemptionRate?.ToString("R", CultureInfo.InvariantCulture), r.MedianMinutesToRedeem?.ToString("R", CultureInfo.InvariantCulture),
        ];
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
