using System.Globalization;
using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Analytics;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Records;

/// <summary>The records export's address and columns, and a row checked against the <c>merchantRecords</c> node it mirrors.</summary>
public static class RecordsExportCalls
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

    private static readonly (string Field, string Column)[] Amounts =
    [
        ("amount", "amount"), ("membershipDiscount", "membership_discount"), ("couponDiscount", "coupon_discount"), ("paidOutside", "paid_outside"),
        ("principalChange", "principal_change"), ("bonusChange", "bonus_change"), ("principalAfter", "principal_after"), ("bonusAfter", "bonus_after"),
        ("storedValueAfter", "stored_value_after"),
    ];

    private static readonly (string Field, string Column)[] Texts =
    [
        ("id", "record_id"), ("kind", "kind"), ("mode", "mode"), ("channel", "channel"), ("usesChange", "uses_change"), ("usesLeft", "uses_left"),
        ("itemKind", "item_kind"), ("itemId", "item_id"), ("redemptionId", "redemption_id"), ("merchantId", "merchant_id"),
        ("customerPhoneMasked", "customer_phone_masked"),
    ];

    public static string Path(string merchantId, DateOnly from, DateOnly to) =>
        $"/merchants/{Uri.EscapeDataString(merchantId)}/exports/records.csv?from={SalesCalls.Iso(from)}&to={SalesCalls.Iso(to)}";

    /// <summary>The row says what the node says: every amount in minor units and as a decimal, the ids, the enums, the instant.</summary>
    public static void AssertSame(JsonObject record, Dictionary<string, string> row, string zone)
    {
        foreach (var (field, column) in Texts)
        {
            Assert.True(Text(record[field]) == row[column], $"{column}: '{row[column]}', the field says '{Text(record[field])}'");
        }

        foreach (var (field, column) in Amounts)
        {
            var minor = record.Minor(field);
            Assert.Equal((minor.ToString(CultureInfo.InvariantCulture), (minor / 100m).ToString("0.00", CultureInfo.InvariantCulture)), (row[column + "_minor"], row[column]));
        }

        var occurredAt = DateTimeOffset.Parse(record["occurredAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.Equal(occurredAt, DateTimeOffset.Parse(row["occurred_at_utc"], CultureInfo.InvariantCulture));
        Assert.EndsWith("Z", row["occurred_at_utc"], StringComparison.Ordinal);
        Assert.Equal((SalesCalls.Iso(SalesCalls.LocalDate(occurredAt, zone)), zone), (row["local_date"], row["time_zone"]));
        Assert.Equal(record["amount"]!["currency"]!.GetValue<string>(), row["currency"]);
        Assert.Equal(record["couponRestored"]!.GetValue<bool>() ? "true" : "false", row["coupon_restored"]);
        Assert.Equal(Text(record["itemName"]), row["item_name"].TrimStart('\''));
        Assert.Equal(Text(record["reason"]), row["reason"].TrimStart('\''));
    }

    public static async Task AssertRefusedAsync(CodeScanHost host, string? token, string path, int status, string message)
    {
        var response = await SalesExportCalls.GetAsync(host, token, path);
        Assert.Equal((status, "application/json; charset=utf-8"), (response.Status, response.ContentType));
        Assert.Equal(message, JsonNode.Parse(response.Body)!["error"]!.GetValue<string>());
    }

    private static string Text(JsonNode? value) => value is null ? string.Empty : value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
}
