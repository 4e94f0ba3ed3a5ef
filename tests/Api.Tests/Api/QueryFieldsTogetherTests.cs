using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Api;

/// <summary>
/// One query may ask for several fields that read the write model (a back office screen does): they share the
/// request's database context, which takes one command at a time, so they must be resolved one after another.
/// </summary>
public abstract class QueryFieldsTogetherTests(ApiWorld world)
{
    [Fact]
    public async Task Query_WithSeveralFieldsReadingTheDatabase_AnswersEveryOne()
    {
        const string query = "query($m: ID!) { me { id phone } a: myMerchants { id name staff { role } } b: myMerchants { id decisions { reason } } " +
            "c: merchant(id: $m) { id name } d: merchant(id: $m) { id } e: me { id } }";

        for (var i = 0; i < 10; i++)
        {
            var answer = await world.Host.GraphQLAsync(world.Merchant.OwnerToken, query, new { m = world.Merchant.MerchantId });

            Assert.True(answer["errors"] is null, answer.ToJsonString());
            Assert.Equal(world.Merchant.MerchantId, answer.Data("c")["id"]!.GetValue<string>());
            Assert.Equal(world.Merchant.MerchantId, answer["data"]!["a"]!.AsArray().Single()!["id"]!.GetValue<string>());
        }
    }
}

public sealed class EmbeddedQueryFieldsTogetherTests(EmbeddedApiWorld world) : QueryFieldsTogetherTests(world), IClassFixture<EmbeddedApiWorld>;

public sealed class MariaDbQueryFieldsTogetherTests(MariaDbApiWorld world) : QueryFieldsTogetherTests(world), IClassFixture<MariaDbApiWorld>;
