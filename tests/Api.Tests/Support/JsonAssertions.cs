using System.Text.Json.Nodes;

namespace CodeScan.Api.Tests.Support;

public static class JsonAssertions
{
    /// <summary>The named field under "data"; fails with the whole response when there are GraphQL errors.</summary>
    public static JsonObject Data(this JsonObject response, string field)
    {
        if (response["errors"] is JsonArray { Count: > 0 })
        {
            Assert.Fail("GraphQL errors: " + response.ToJsonString());
        }

        return response["data"]?[field] as JsonObject ?? throw new Xunit.Sdk.XunitException($"No data.{field} in {response.ToJsonString()}");
    }

    /// <summary>The payload's error codes (empty when it succeeded).</summary>
    public static IReadOnlyList<string> ErrorCodes(this JsonObject payload) =>
        payload["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToList();

    /// <summary>The messages of the response's top-level GraphQL errors, one per line (empty when there are none).</summary>
    public static string ErrorMessages(this JsonObject response) =>
        string.Join('\n', (response["errors"] as JsonArray ?? []).Select(e => e?["message"]?.GetValue<string>()));

    public static string? GraphQLErrorCode(this JsonObject response) =>
        response["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();
}
