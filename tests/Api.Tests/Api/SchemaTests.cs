using System.Text.Json.Nodes;
using CodeScan.Api.GraphQL;
using CodeScan.Api.Tests.Support;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Api;

/// <summary>
/// DESIGN §5: `schema.graphql` at the repository root is the printed schema, and the shapes clients
/// depend on (Money objects, payload + errors) stay what the schema promises.
/// </summary>
public sealed class SchemaTests
{
    private const string Regenerate = "dotnet run --project src/Api -- print-schema schema.graphql";

    [Fact]
    public async Task PrintedSchema_WhenComparedWithSchemaGraphql_IsIdentical()
    {
        var root = Repository.Root();
        var file = Path.Combine(root, "schema.graphql");
        Assert.True(File.Exists(file), $"{file} is missing. Create it from the repository root with: {Regenerate}");

        var printed = await PrintSchemaAsync();
        var committed = await File.ReadAllTextAsync(file);

        if (printed != committed)
        {
            Assert.Fail(
                $"schema.graphql is out of date with the schema the code builds. From {root} run:\n  {Regenerate}\n" +
                $"and commit the result. First difference: {FirstDifference(committed, printed)}");
        }
    }

    [Fact]
    public async Task PrintedSchema_WhenPrintedTwice_IsTheSame()
    {
        // The comparison above is only meaningful if printing is deterministic.
        Assert.Equal(await PrintSchemaAsync(), await PrintSchemaAsync());
    }

    [Fact]
    public async Task RedeemResponse_WhenItSucceedsOrIsRefused_HasTheShapeTheSchemaPromises()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);

        var succeeded = await merchant.RedeemAsync(customer, 2_500);
        var refused = await merchant.RedeemAsync(customer, 1_000_000);

        const string Money = """{"minorUnits":"number","display":"string"}""";
        Assert.Equal(
            """{"data":{"redeem":{"redemption":{"id":"string","amount":MONEY,"fromPrincipal":{"minorUnits":"number"},"fromBonus":{"minorUnits":"number"},"storedValueAfter":MONEY},"errors":[]}}}"""
                .Replace("MONEY", Money, StringComparison.Ordinal),
            Shape(succeeded)!.ToJsonString());
        Assert.Equal(
            """{"data":{"redeem":{"redemption":null,"errors":[{"code":"string","message":"string","path":["string","string"]}]}}}""",
            Shape(refused)!.ToJsonString());
        Assert.Equal("25.00 CNY", succeeded["data"]!["redeem"]!["redemption"]!["amount"]!["display"]!.GetValue<string>());
        Assert.Equal("INSUFFICIENT_BALANCE", refused["data"]!["redeem"]!["errors"]![0]!["code"]!.GetValue<string>());
    }

    /// <summary>The response with every leaf replaced by its JSON kind: stable across runs, strict about structure.</summary>
    private static JsonNode? Shape(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Shape(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Shape).ToArray()),
        _ => JsonValue.Create(node.GetValueKind().ToString().ToLowerInvariant() switch
        {
            "true" or "false" => "boolean",
            var kind => kind,
        }),
    };

    private static async Task<string> PrintSchemaAsync()
    {
        // Built the way `print-schema` builds it: the composition root, never started.
        await using var app = Repository.UnstartedApp("schema");
        return SchemaPrinter.Print(app.Services.GetRequiredService<ISchema>());
    }

    private static string FirstDifference(string committed, string printed)
    {
        var expected = committed.Split('\n');
        var actual = printed.Split('\n');
        for (var i = 0; i < Math.Max(expected.Length, actual.Length); i++)
        {
            var e = i < expected.Length ? expected[i] : "<end of file>";
            var a = i < actual.Length ? actual[i] : "<end of file>";
            if (e != a)
            {
                return $"line {i + 1}: schema.graphql has \"{e}\", the code prints \"{a}\".";
            }
        }

        return "line endings or trailing whitespace.";
    }
}
