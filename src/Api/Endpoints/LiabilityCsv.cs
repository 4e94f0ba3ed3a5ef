using System.Globalization;
using CodeScan.Application.Analytics.GetMerchantLiability;
using CodeScan.Domain.Common;

namespace CodeScan.Api.Endpoints;

/// <summary>
/// <c>merchantLiability</c> as CSV, in long form for a pivot table: a row per aging bucket and kind of liability
/// (<c>AGING</c>, the bucket's days since the value was loaded or issued), then a row per kind of what expired unused
/// (<c>BREAKAGE</c>, no bucket). <c>value</c> is what is owed: stored value, or what was paid for cards and coupons (the
/// ledger's deferred revenue); the <c>AGING</c> values add up to the report's outstanding total. Coupons also carry
/// their face value, times cards their uses.
/// </summary>
internal sealed class LiabilityCsv(MerchantLiabilityReport report, string fileName) : IResult
{
    public static readonly string[] Header =
    [
        "as_of", "time_zone", "currency", "section", "bucket_from_days", "bucket_to_days", "kind", "count", "uses",
        "value_minor", "value", "face_value_minor", "face_value",
    ];

    public async Task ExecuteAsync(HttpContext http)
    {
        await using var response = CsvResponse.Start(http, fileName, Header);
        foreach (var bucket in report.Aging)
        {
            Write(response, "AGING", bucket.FromDays, bucket.ToDays, bucket.Figures);
        }

        Write(response, "BREAKAGE", null, null, report.Breakage);
        await response.SendAsync();
    }

    private void Write(CsvResponse response, string section, int? fromDays, int? toDays, LiabilityFigures f)
    {
        var digits = Currencies.MinorDigits(report.Currency);
        string? N(long? value) => value?.ToString(CultureInfo.InvariantCulture);
        var kinds = new (string Kind, long? Count, long? Uses, long Value, long? FaceValue)[]
        {
            ("PRINCIPAL", null, null, f.Principal, null),
            ("BONUS", null, null, f.Bonus, null),
            ("TIMES_CARD", f.TimesCards, f.Uses, f.TimesCardValue, null),
            ("COUPON", f.Coupons, null, f.CouponValue, f.CouponFaceValue),
            ("MEMBERSHIP_CARD", f.MembershipCards, null, f.MembershipValue, null),
        };
        foreach (var (kind, count, uses, value, faceValue) in kinds)
        {
            response.Csv.WriteRecord(
            [
                report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), report.TimeZone, report.Currency, section, N(fromDays), N(toDays),
                kind, N(count), N(uses), N(value), Money.Format(value, digits), N(faceValue), faceValue is { } face ? Money.Format(face, digits) : null,
            ]);
        }
    }
}
