using System.Globalization;
using CodeScan.Api.GraphQL;
using CodeScan.Api.GraphQL.Catalog;
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
    /// <summary>The figures of a row, after the columns that say what the row is about.</summary>
    public static readonly string[] FigureHeader =
    [
        "issued", "sold", "claimed", "at_counter", "issued_amount_minor", "issued_amount", "redeemed", "bill_minor", "bill", "discount_minor",
        "discount", "times_card_uses", "reversed", "refunded_minor", "refunded", "times_card_uses_given_back", "expired", "redemption_rate",
        "median_minutes_to_redeem",
    ];

    public static readonly string[] Header = ["from", "to", "time_zone", "currency", "item_id", "kind", "name", .. FigureHeader];

    public async Task ExecuteAsync(HttpContext http)
    {
        await using var response = CsvResponse.Start(http, fileName, Header);
        foreach (var item in report.Items)
        {
            var template = item.Item.Kind == PerformanceItemKind.Coupon ? CouponTemplateType.TypeName : CardProductType.TypeName;
            string?[] row =
            [
                Day(report.From), Day(report.To), report.TimeZone, report.Currency, GlobalId.Encode(template, item.Item.ItemId),
                item.Item.Kind.ToString().ToConstantCase(), RecordsCsv.Text(item.Item.Name), .. Figures(item),
            ];
            response.Csv.WriteRecord(row);
        }

        await response.SendAsync();
    }

    /// <summary>The columns of <see cref="FigureHeader"/> for a row.</summary>
    public static string?[] Figures(InstrumentPerformanceRow r)
    {
        var digits = Currencies.MinorDigits(r.Currency);
        string N(long value) => value.ToString(CultureInfo.InvariantCulture);
        string M(long value) => Money.Format(value, digits);
        return
        [
            N(r.Issued.Total), N(r.Issued.Sold), N(r.Issued.Claimed), N(r.Issued.AtCounter), N(r.Issued.Amount), M(r.Issued.Amount),
            N(r.Redeemed), N(r.Bill), M(r.Bill), N(r.Discount), M(r.Discount), N(r.TimesCardUses), N(r.Reversed), N(r.Refunded), M(r.Refunded),
            N(r.TimesCardUsesGivenBack), N(r.Expired),
            r.RedemptionRate?.ToString("R", CultureInfo.InvariantCulture), r.MedianMinutesToRedeem?.ToString("R", CultureInfo.InvariantCulture),
        ];
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
