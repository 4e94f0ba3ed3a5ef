using System.Net;
using CodeScan.Api.Tests.Support;
using CodeScan.Api.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Api;

/// <summary>
/// A query sent again is served from the parsed-and-validated document cache, and still answers for the
/// request's own user, runs the transport's rules and the complexity limit with the request's variables.
/// Every test sends a document of its own (a unique operation name), so the counts are its own.
/// </summary>
public sealed class DocumentCacheTests(EmbeddedApiWorld world) : IClassFixture<EmbeddedApiWorld>
{
    private CodeScanHost Host => world.Host;

    private GraphQLDocumentCache Cache => Host.Services.GetRequiredService<GraphQLDocumentCache>();

    [Fact]
    public async Task Query_SentAgainByAnotherCaller_IsServedFromTheCacheAndAnswersForThatCaller()
    {
        var query = $"query Me_{Guid.NewGuid():N} {{ me {{ phone }} }}";
        var (hits, misses) = (Cache.Hits, Cache.Misses);

        var customer = (await Host.GraphQLAsync(world.CustomerToken, query)).Data("me");
        Assert.Equal((hits, misses + 1), (Cache.Hits, Cache.Misses));

        var admin = (await Host.GraphQLAsync(world.AdminToken, query)).Data("me");
        var anonymous = await Host.GraphQLAsync(null, query);

        Assert.Equal((hits + 2, misses + 1), (Cache.Hits, Cache.Misses));
        Assert.Equal(CodeScan.Domain.Common.PhoneNumber.Parse(world.CustomerPhone).Value!.Value, customer["phone"]!.GetValue<string>());
        Assert.Equal(CodeScanHost.AdminPhone, admin["phone"]!.GetValue<string>());
        Assert.Null(anonymous.GraphQLErrorCode());
        Assert.Null(anonymous["data"]!["me"]);
    }

    [Fact]
    public async Task Mutation_CachedFromAPost_IsStillRefusedOverGet()
    {
        var mutation = $"mutation SignOut_{Guid.NewGuid():N}($input: SignOutInput!) {{ signOut(input: $input) {{ signedOut errors {{ code }} }} }}";
        var variables = new { input = new { refreshToken = "not-a-token-of-anyone" } };
        var posted = await ApiCalls.PostAsync(Host, mutation, variables, world.CustomerToken);
        Assert.Equal(["REFRESH_TOKEN_INVALID"], posted.Json.Data("signOut").ErrorCodes());
        var servedFromCache = false;

        var response = await world.AssertChangesNothingAsync(async () =>
        {
            var hits = Cache.Hits;
            var sent = await ApiCalls.GetAsync(Host, mutation, variables, world.CustomerToken);
            servedFromCache = Cache.Hits == hits + 1;
            return sent;
        });

        Assert.True(servedFromCache, "The GET did not use the document the POST cached.");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("MUTATION_OVER_GET", response.FirstErrorCode);
    }

    [Fact]
    public async Task Query_CachedWithASmallPage_IsStillRefusedByTheComplexityLimitForAHugeOne()
    {
        var query = $"query Alerts_{Guid.NewGuid():N}($merchantId: ID!, $first: Int) {{ merchantAlerts(merchantId: $merchantId, first: $first) {{ nodes {{ id spokenText }} }} }}";
        var small = await Host.GraphQLAsync(world.Merchant.OwnerToken, query, new { merchantId = world.Merchant.MerchantId, first = 1 });
        Assert.NotNull(small.Data("merchantAlerts")["nodes"]);
        var hits = Cache.Hits;

        var huge = await Host.GraphQLAsync(world.Merchant.OwnerToken, query, new { merchantId = world.Merchant.MerchantId, first = 1_000_000 });

        Assert.Equal(hits + 1, Cache.Hits);
        Assert.Equal("COMPLEXITY", huge.GraphQLErrorCode());
        Assert.Null(huge["data"]?["merchantAlerts"]);
    }

    [Fact]
    public async Task Query_CachedWithAFieldLeftOut_IsStillRefusedByTheComplexityLimitWhenAVariableIncludesIt()
    {
        var query = $"query Include_{Guid.NewGuid():N}($merchantId: ID!, $all: Boolean!) {{ merchantAlerts(merchantId: $merchantId, first: 100000) " +
            "@include(if: $all) { nodes { id merchantId kind spokenText } } }";
        var without = await Host.GraphQLAsync(world.Merchant.OwnerToken, query, new { merchantId = world.Merchant.MerchantId, all = false });
        Assert.Null(without.GraphQLErrorCode());
        var hits = Cache.Hits;

        var with = await Host.GraphQLAsync(world.Merchant.OwnerToken, query, new { merchantId = world.Merchant.MerchantId, all = true });

        Assert.Equal(hits + 1, Cache.Hits);
        Assert.Equal("COMPLEXITY", with.GraphQLErrorCode());
    }

    [Fact]
    public async Task Document_CachedForACheapOperation_StillScoresItsCostlyOperation()
    {
        var suffix = Guid.NewGuid().ToString("N");
        var document = $"query Cheap_{suffix} {{ me {{ phone }} }} " +
            $"query Costly_{suffix}($merchantId: ID!) {{ merchantAlerts(merchantId: $merchantId, first: 100000) {{ nodes {{ id merchantId kind spokenText }} }} }}";
        var cheap = await Host.GraphQLAsync(world.CustomerToken, document, new { merchantId = world.Merchant.MerchantId }, operationName: $"Cheap_{suffix}");
        Assert.Null(cheap.GraphQLErrorCode());
        var hits = Cache.Hits;

        var costly = await Host.GraphQLAsync(world.Merchant.OwnerToken, document, new { merchantId = world.Merchant.MerchantId }, operationName: $"Costly_{suffix}");

        Assert.Equal(hits + 1, Cache.Hits);
        Assert.Equal("COMPLEXITY", costly.GraphQLErrorCode());
    }

    [Fact]
    public async Task Query_WhoseScoreNoVariableChanges_IsServedWithoutAValidationPass()
    {
        var query = $"query Wallet_{Guid.NewGuid():N}($merchantId: ID!) {{ wallet(merchantId: $merchantId) {{ storedValue {{ minorUnits }} version }} }}";
        await Host.GraphQLAsync(world.CustomerToken, query, new { merchantId = world.Merchant.MerchantId });
        var (hits, unvalidated) = (Cache.Hits, Cache.HitsWithoutRules);

        var again = await Host.GraphQLAsync(world.CustomerToken, query, new { merchantId = world.Merchant.MerchantId });

        Assert.Null(again.GraphQLErrorCode());
        Assert.Equal((hits + 1, unvalidated + 1), (Cache.Hits, Cache.HitsWithoutRules));
    }

    [Fact]
    public async Task Query_ThatFailsValidation_IsNotCached()
    {
        var query = $"query Bad_{Guid.NewGuid():N} {{ me {{ noSuchField }} }}";
        var (hits, misses) = (Cache.Hits, Cache.Misses);

        var first = await Host.GraphQLAsync(world.CustomerToken, query);
        var second = await Host.GraphQLAsync(world.CustomerToken, query);

        Assert.Equal((hits, misses + 2), (Cache.Hits, Cache.Misses));
        Assert.NotNull(first.GraphQLErrorCode());
        Assert.Equal(first.GraphQLErrorCode(), second.GraphQLErrorCode());
    }
}
