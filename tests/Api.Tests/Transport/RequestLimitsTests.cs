using System.Net;
using System.Text;
using System.Text.Json;
using CodeScan.Api.Tests.Api;
using CodeScan.Api.Tests.Support;
using CodeScan.Api.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Transport;

/// <summary>
/// Documents that would keep validation busy for seconds or minutes (the outside probe's fragment spreads, fragments
/// that spread each other twice over, a thousand aliases) are refused while they are read, before any validation
/// rule sees them, over HTTP and over WebSocket alike. Whether a refusal came before validation is read from the
/// document builder's count of refusals, not from a clock.
/// </summary>
public sealed class RequestLimitsTests
{
    public static TheoryData<int, string> FragmentSpreadDocuments() => new()
    {
        { 500, "TOO_MANY_FRAGMENTS" },
        { 1_000, "TOO_MANY_FRAGMENTS" },
        { 2_000, "DOCUMENT_TOO_LARGE" },
        { 4_000, "DOCUMENT_TOO_LARGE" },
        { 10_000, "DOCUMENT_TOO_LARGE" },
    };

    [Theory]
    [MemberData(nameof(FragmentSpreadDocuments))]
    public async Task FragmentSpreads_OverHttp_AreRefusedBeforeValidation(int fragments, string code)
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);

        await AssertRefusedOverHttpAsync(host, FragmentSpreads(fragments), code);
    }

    [Theory]
    [MemberData(nameof(FragmentSpreadDocuments))]
    public async Task FragmentSpreads_OverWebSocket_AreRefusedBeforeValidation(int fragments, string code)
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);

        await AssertRefusedOverWebSocketAsync(host, FragmentSpreads(fragments), code);
    }

    [Fact]
    public async Task FragmentsThatSpreadEachOtherTwice_AreRefusedForTheFieldsTheyWouldSelect()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);
        var query = "{ ...F0 } " + string.Join(' ', Enumerable.Range(0, 30).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}"))
            + " fragment F30 on Query { __typename }";

        await AssertRefusedOverHttpAsync(host, query, RequestLimitError.TooManyFields);
        await AssertRefusedOverWebSocketAsync(host, query, RequestLimitError.TooManyFields);
    }

    [Fact]
    public async Task AThousandAliasesOfQuote_AreRefusedBeforeValidation_OnBothTransports()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);

        await AssertRefusedOverHttpAsync(host, QuoteAliases(1_000), RequestLimitError.TooManyTokens);
        await AssertRefusedOverWebSocketAsync(host, QuoteAliases(1_000), RequestLimitError.TooManyTokens);
    }

    [Fact]
    public async Task AThousandAliasesOfQuote_WithTheDocumentLimitsRaised_AreRefusedByCost()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded, settings =>
        {
            settings["GraphQL:Limits:MaxTokens"] = "100000";
            settings["GraphQL:Limits:MaxDocumentLength"] = "1000000";
            settings["GraphQL:Limits:MaxFields"] = "100000";
        });

        var response = await ApiCalls.PostAsync(host, QuoteAliases(1_000), accept: ApiCalls.GraphQLResponseJson);

        Assert.True(response.FirstErrorCode == "COMPLEXITY", response.ToString());
        Assert.Contains("its complexity is 50,000;", response.Text);
    }

    [Fact]
    public async Task SixtyOneQuotes_AreRefusedByCost_WhereSixtyOnePlainFieldsWouldPass()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);

        var quotes = await ApiCalls.PostAsync(host, QuoteAliases(61), accept: ApiCalls.GraphQLResponseJson);
        var plain = await ApiCalls.PostAsync(host, "{ " + string.Join(' ', Enumerable.Range(0, 61).Select(i => $"m{i}: me {{ id }}")) + " }");

        Assert.True(quotes.FirstErrorCode == "COMPLEXITY", quotes.ToString());
        Assert.True(plain.Status == HttpStatusCode.OK && plain.Json["errors"] is null, plain.ToString());
    }

    /// <summary>
    /// <c>__typename</c> costs nothing, so aliases of it pass the cost limit: the field limit (500) is what bounds them.
    /// graphql-js's introspection query with every option (230 fields) passes it:
    /// IntrospectionTests.GraphQLJsIntrospection_WithEveryOption_BuildsTheSchemaInSchemaGraphql.
    /// </summary>
    [Fact]
    public async Task FiveHundredAliasedTypenames_Pass_AndFiveHundredAndOne_AreRefusedAsTooManyFields()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);

        var fits = await ApiCalls.PostAsync(host, TypenameAliases(500), accept: ApiCalls.GraphQLResponseJson);
        var refused = await AssertRefusedOverHttpAsync(host, TypenameAliases(501), RequestLimitError.TooManyFields);
        await AssertRefusedOverWebSocketAsync(host, TypenameAliases(501), RequestLimitError.TooManyFields);

        Assert.True(fits.Status == HttpStatusCode.OK && fits.Json["errors"] is null, fits.ToString());
        Assert.Equal(500, fits.Json["data"]!.AsObject().Count);
        Assert.Equal(
            "The document selects 501 fields (aliases included, a fragment counted wherever it is spread); at most 500 are allowed.",
            refused.Json["errors"]![0]!["message"]!.GetValue<string>());
    }

    /// <summary>Eleven root fields cost 111.1; <c>wallets { storedValue { display } }</c> is three levels deep.</summary>
    [Theory]
    [InlineData("MaxComplexity", "100", "{ m0: me { id } m1: me { id } m2: me { id } m3: me { id } m4: me { id } m5: me { id } m6: me { id } m7: me { id } m8: me { id } m9: me { id } m10: me { id } }")]
    [InlineData("MaxDepth", "2", "{ wallets { storedValue { display } } }")]
    public async Task ConfiguredLowerCostLimit_RefusesADocumentTheDefaultAccepts(string limit, string value, string query)
    {
        await using var defaults = await CodeScanHost.StartAsync(StoreMode.Embedded);
        await using var lowered = await CodeScanHost.StartAsync(StoreMode.Embedded, settings => settings[$"GraphQL:Limits:{limit}"] = value);

        var accepted = await ApiCalls.PostAsync(defaults, query, accept: ApiCalls.GraphQLResponseJson);
        var refused = await ApiCalls.PostAsync(lowered, query, accept: ApiCalls.GraphQLResponseJson);

        // 200: it passed validation, the limits among it (an anonymous caller may still be refused inside).
        Assert.True(accepted.Status == HttpStatusCode.OK, accepted.ToString());
        Assert.True(refused.Status == HttpStatusCode.BadRequest && refused.FirstErrorCode == "COMPLEXITY", refused.ToString());
        Assert.Contains($"the maximum allowed on this endpoint is {value}.", refused.Text);
    }

    [Theory]
    [InlineData("MaxComplexity", "0")]
    [InlineData("MaxDepth", "-1")]
    public async Task NonPositiveCostLimit_RefusesToStart(string limit, string value)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
            await (await CodeScanHost.StartAsync(StoreMode.Embedded, settings => settings[$"GraphQL:Limits:{limit}"] = value)).DisposeAsync());

        Assert.Contains("MaxDepth and MaxComplexity must be positive", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<ApiResponse> AssertRefusedOverHttpAsync(CodeScanHost host, string query, string code)
    {
        var builder = host.Services.GetRequiredService<LimitedDocumentBuilder>();
        var refusedBefore = builder.Refused;

        var response = await ApiCalls.PostAsync(host, query, accept: ApiCalls.GraphQLResponseJson);

        Assert.True(response.Status == HttpStatusCode.BadRequest && response.FirstErrorCode == code, response.ToString());
        Assert.Null(response.Json["data"]);
        Assert.Equal(refusedBefore + 1, builder.Refused);
        return response;
    }

    private static async Task AssertRefusedOverWebSocketAsync(CodeScanHost host, string query, string code)
    {
        var builder = host.Services.GetRequiredService<LimitedDocumentBuilder>();
        var refusedBefore = builder.Refused;
        await using var socket = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri);

        await socket.SubscribeAsync("1", query);
        var message = await socket.ReceiveAsync(TimeSpan.FromSeconds(60));

        Assert.True(message.Type == "error", message.Raw[..Math.Min(message.Raw.Length, 2000)]);
        Assert.Equal(code, message.Payload!.Value[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(refusedBefore + 1, builder.Refused);
    }

    /// <summary>The outside probe's document: <c>{ ...F0 … ...Fn } fragment F0 on Query { __typename } …</c>.</summary>
    private static string FragmentSpreads(int count)
    {
        var text = new StringBuilder("{ ");
        text.AppendJoin(' ', Enumerable.Range(0, count).Select(i => $"...F{i}")).Append(" } ");
        text.AppendJoin(' ', Enumerable.Range(0, count).Select(i => $"fragment F{i} on Query {{ __typename }}"));
        return text.ToString();
    }

    private static string TypenameAliases(int count) =>
        "{ " + string.Join(' ', Enumerable.Range(0, count).Select(i => $"t{i}: __typename")) + " }";

    private static string QuoteAliases(int count) =>
        "{ " + string.Join(' ', Enumerable.Range(0, count).Select(i => $"q{i}: quote(merchantId: \"1\", amount: 1) {{ __typename }}")) + " }";
}
