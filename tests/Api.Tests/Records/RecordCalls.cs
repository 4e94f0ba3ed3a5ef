using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Records;

/// <summary>The two record queries as the customer app and the merchant back office send them, and paging through them.</summary>
public static class RecordCalls
{
    public const string Fields = """
        id kind merchantId merchantName customerPhoneMasked mode channel
        amount { minorUnits currency } membershipDiscount { minorUnits } couponDiscount { minorUnits } paidOutside { minorUnits }
        principalChange { minorUnits } bonusChange { minorUnits } storedValueChange { minorUnits }
        principalAfter { minorUnits } bonusAfter { minorUnits } storedValueAfter { minorUnits display }
        usesChange usesLeft itemKind itemId itemName couponRestored reason redemptionId occurredAt
        """;

    public const string MyRecords =
        "query($m: ID, $kinds: [RecordKind!], $from: DateTimeOffset, $to: DateTimeOffset, $first: Int, $after: String) {"
        + " myRecords(merchantId: $m, kinds: $kinds, from: $from, to: $to, first: $first, after: $after) {"
        + " edges { cursor node { id } } nodes { " + Fields + " } pageInfo { hasNextPage endCursor } } }";

    public const string MerchantRecords =
        "query($m: ID!, $kinds: [RecordKind!], $phone: String, $from: DateTimeOffset, $to: DateTimeOffset, $first: Int, $after: String) {"
        + " merchantRecords(merchantId: $m, kinds: $kinds, customerPhone: $phone, from: $from, to: $to, first: $first, after: $after) {"
        + " edges { cursor node { id } } nodes { " + Fields + " } pageInfo { hasNextPage endCursor } } }";

    /// <summary>Every page of a record query, following endCursor; checks each page's edges agree with its nodes and pageInfo.</summary>
    public static async Task<List<JsonObject>> PageAllAsync(this CodeScanHost host, string token, string field, Dictionary<string, object?> variables, int first, Func<Task>? betweenPages = null)
    {
        var all = new List<JsonObject>();
        string? after = null;
        while (true)
        {
            var page = await host.PageAsync(token, field, variables, first, after);
            var nodes = page["nodes"]!.AsArray().Select(n => n!.AsObject()).ToList();
            var edges = page["edges"]!.AsArray();
            Assert.Equal(nodes.Select(n => n["id"]!.GetValue<string>()), edges.Select(e => e!["node"]!["id"]!.GetValue<string>()));
            Assert.True(nodes.Count <= first);
            all.AddRange(nodes);
            var info = page["pageInfo"]!;
            Assert.Equal(edges.LastOrDefault()?["cursor"]?.GetValue<string>(), info["endCursor"]?.GetValue<string>());
            if (!info["hasNextPage"]!.GetValue<bool>())
            {
                return all;
            }

            Assert.Equal(first, nodes.Count);
            after = info["endCursor"]!.GetValue<string>();
            if (betweenPages is not null)
            {
                await betweenPages();
            }
        }
    }

    public static async Task<JsonObject> PageAsync(this CodeScanHost host, string token, string field, Dictionary<string, object?> variables, int first, string? after = null)
    {
        var call = new Dictionary<string, object?>(variables) { ["first"] = first, ["after"] = after };
        return (await host.GraphQLAsync(token, field == "myRecords" ? MyRecords : MerchantRecords, call)).Data(field);
    }

    public static long Minor(this JsonObject record, string field) => record[field]!["minorUnits"]!.GetValue<long>();

    public static long Position(this JsonObject record) => long.Parse(record["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
}
