using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;
using CodeScan.Api.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Api;

/// <summary>
/// A cached operation's variables and arguments are parsed from a plan worked out once per operation
/// (<see cref="OperationPlan"/>) instead of by GraphQL.NET's own validator. Each case sends a request twice over: once
/// on a cached document (the plan answers) and once on the same text with a newline added, which misses the cache and
/// is validated in full. The two answers must be the same, valid or not, including the errors' messages and locations.
/// </summary>
public sealed class CachedOperationValidatorTests(EmbeddedApiWorld world) : IClassFixture<EmbeddedApiWorld>
{
    private CodeScanHost Host => world.Host;

    private CachedOperationValidator Validator => Host.Services.GetRequiredService<CachedOperationValidator>();

    private string MerchantId => world.Merchant.MerchantId;

    public static TheoryData<string, string> Cursors => new()
    {
        { "a String", "\"not-an-alert-id\"" },
        { "null", "null" },
        { "a number where a String belongs", "12" },
        { "an object where a String belongs", "{ \"a\": 1 }" },
    };

    [Theory]
    [MemberData(nameof(Cursors))]
    public Task NullableVariable_IntoANullableArgument(string _, string after) => AssertAsPlannedAsFullAsync(
        world.Merchant.OwnerToken,
        "query Page_{0}($merchantId: ID!, $after: String) { merchantAlerts(merchantId: $merchantId, after: $after, first: 2) { nodes { id } pageInfo { hasNextPage } } }",
        $$"""{ "merchantId": "{{MerchantId}}" }""",
        $$"""{ "merchantId": "{{MerchantId}}", "after": {{after}} }""");

    [Theory]
    [InlineData("\"{merchant}\"")]
    [InlineData("null")]
    [InlineData("7")]
    [InlineData("\"not-a-global-id\"")]
    public Task NonNullVariable_WithLiteralDirectivesBeside(string merchantId) => AssertAsPlannedAsFullAsync(
        world.Merchant.OwnerToken,
        "query Flags_{0}($merchantId: ID!) { me @include(if: true) { phone @skip(if: false) } merchantAlerts(merchantId: $merchantId, first: 1) @skip(if: true) { nodes { id } } " +
        "wallet(merchantId: $merchantId) { id } }",
        $$"""{ "merchantId": "{{MerchantId}}" }""",
        $$"""{ "merchantId": {{merchantId.Replace("{merchant}", MerchantId, StringComparison.Ordinal)}} }""");

    [Theory]
    [InlineData("\"{merchant}\"", "\"x\"")]
    [InlineData("\"{merchant}\"", "[\"x\"]")]
    [InlineData("false", "null")]
    public Task Arguments_InsideFragmentsAndInlineFragments(string merchantId, string after) => AssertAsPlannedAsFullAsync(
        world.Merchant.OwnerToken,
        "query Fragments_{0}($m: ID!, $a: String) { ...Alerts ... on Query { again: merchantAlerts(merchantId: $m, after: $a, first: 1) { nodes { id } } } } " +
        "fragment Alerts on Query { merchantAlerts(merchantId: $m, after: $a, first: 3) { nodes { id } } wallet(merchantId: $m) { id } }",
        $$"""{ "m": "{{MerchantId}}" }""",
        $$"""{ "m": {{merchantId.Replace("{merchant}", MerchantId, StringComparison.Ordinal)}}, "a": {{after}} }""");

    [Theory]
    [InlineData("""{ "refreshToken": "not-a-token-of-anyone" }""")]
    [InlineData("""{ }""")]
    [InlineData("""{ "refreshToken": 42, "extra": true }""")]
    [InlineData("""null""")]
    public Task InputObjectVariable_OfAMutation(string input) => AssertAsPlannedAsFullAsync(
        world.CustomerToken,
        "mutation SignOut_{0}($input: SignOutInput!) { signOut(input: $input) { signedOut errors { code } } }",
        """{ "input": { "refreshToken": "not-a-token-of-anyone" } }""",
        $$"""{ "input": {{input}} }""");

    private async Task AssertAsPlannedAsFullAsync(string token, string template, string primingVariables, string variables)
    {
        var query = template.Replace("{0}", Guid.NewGuid().ToString("N"), StringComparison.Ordinal);
        var primed = await Host.GraphQLAsync(token, query, JsonNode.Parse(primingVariables));
        Assert.True(primed["errors"] is null, $"The priming request failed, so nothing was cached: {primed.ToJsonString()}");

        var planned = Validator.Planned;
        var fromPlan = await Host.GraphQLAsync(token, query, JsonNode.Parse(variables));
        Assert.Equal(planned + 1, Validator.Planned);

        var inFull = await Host.GraphQLAsync(token, query + "\n", JsonNode.Parse(variables));
        Assert.Equal(planned + 1, Validator.Planned);
        Assert.Equal(Comparable(inFull), Comparable(fromPlan));
    }

    /// <summary>The answer without what differs between any two requests (correlation ids).</summary>
    private static string Comparable(JsonObject response)
    {
        foreach (var error in response["errors"]?.AsArray() ?? [])
        {
            (error!["extensions"] as JsonObject)?.Remove("correlationId");
        }

        return response.ToJsonString();
    }
}
