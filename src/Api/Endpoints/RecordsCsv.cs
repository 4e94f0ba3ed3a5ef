using System.Globalization;
using CodeScan.Api.GraphQL;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Analytics;
using CodeScan.Application.Records;
using CodeScan.Application.Records.ExportMerchantRecords;
using CodeScan.Domain.Common;
using GraphQL;

namespace CodeScan.Api.Endpoints;

/// <summary>
/// A merchant's records as CSV, newest first, written to the response a page at a time as the store is read. The
/// columns are the fields of <c>merchantRecords</c>: ids as the API gives them (the record id is its event-log
/// position; a reversal's <c>redemption_id</c> is the payment's), enum values as in the schema, every amount both in
/// minor units and as an exact decimal, signed from the customer's stored value's point of view. Phones are masked.
/// </summary>
internal sealed class RecordsCsv(RecordsExport export, string fileName) : IResult
{
    public static readonly string[] Header =
    [
        "record_id", "occurred_at_utc", "local_date", "time_zone", "kind", "mode", "channel", "currency",
        "amount_minor", "amount", "membership_discount_minor", "membership_discount", "coupon_discount_minor", "coupon_discount",
        "paid_outside_minor", "paid_outside", "principal_change_minor", "principal_change", "bonus_change_minor", "bonus_change",
        "principal_after_minor", "principal_after", "bonus_after_minor", "bonus_after", "stored_value_after_minor", "stored_value_after",
        "uses_change", "uses_left", "item_kind", "item_id", "item_name", "coupon_restored", "reason", "redemption_id",
        "merchant_id", "customer_phone_masked",
    ];

    public async Task ExecuteAsync(HttpContext http)
    {
        await using var response = CsvResponse.Start(http, fileName, Header);
        var written = 0;
        await foreach (var record in export.Records.WithCancellation(http.RequestAborted))
        {
            response.Csv.WriteRecord(Row(record));
            if (++written % ExportMerchantRecordsHandler.PageRecords == 0)
            {
                await response.SendAsync();
            }
        }

        await response.SendAsync();
    }

    private string?[] Row(RecordEntry r)
    {
        var digits = Currencies.MinorDigits(r.Currency);
        string N(long value) => value.ToString(CultureInfo.InvariantCulture);
        string M(long value) => Money.Format(value, digits);
        return
        [
            N(r.Position), r.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            SalesProjection.LocalDay(r.OccurredAt, export.TimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), export.TimeZone,
            Enum(r.Kind), Enum(r.Mode), Enum(r.Channel), r.Currency,
            N(r.Amount), M(r.Amount), N(r.MembershipDiscount), M(r.MembershipDiscount), N(r.CouponDiscount), M(r.CouponDiscount),
            N(r.PaidOutside), M(r.PaidOutside), N(r.PrincipalChange), M(r.PrincipalChange), N(r.BonusChange), M(r.BonusChange),
            N(r.PrincipalAfter), M(r.PrincipalAfter), N(r.BonusAfter), M(r.BonusAfter), N(r.StoredValueAfter), M(r.StoredValueAfter),
            r.UsesChange?.ToString(CultureInfo.InvariantCulture), r.UsesLeft?.ToString(CultureInfo.InvariantCulture), Enum(r.ItemKind),
            r.ItemId is { } item ? GlobalId.Encode(r.ItemKind == RecordItemKind.Coupon ? "Coupon" : "Card", item) : null,
            Text(r.ItemName), r.CouponRestored ? "true" : "false", Text(r.Reason),
            r.RedemptionId is { } payment ? GlobalId.Encode(RedemptionType.TypeName, payment) : null,
            GlobalId.Encode(MerchantType.TypeName, r.MerchantId), r.CustomerPhoneMasked,
        ];
    }

    /// <summary>An enum value as the schema spells it (<c>STORED_VALUE</c>), or an empty field.</summary>
    private static string? Enum<T>(T? value)
        where T : struct, System.Enum => value?.ToString().ToConstantCase();

    private static string? Enum<T>(T value)
        where T : struct, System.Enum => value.ToString().ToConstantCase();

    /// <summary>
    /// Text typed by people (a card's name, a reversal's reason) that a spreadsheet would run as a formula gets a
    /// leading apostrophe (OWASP's advice for CSV injection); numbers are written by us and never start that way.
    /// </summary>
    public static string? Text(string? value) =>
        value is { Length: > 0 } && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
}
