using System.Net;
using System.Text;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Api;

/// <summary>
/// GraphQL over HTTP on the real CodeScan schema (the transport's own tests use a toy schema): GET reads,
/// never writes; the response media type follows Accept; POST bodies must be JSON.
/// </summary>
public sealed class GraphQLOverHttpTests(EmbeddedApiWorld world) : IClassFixture<EmbeddedApiWorld>
{
    private const string WalletQuery = "query($merchantId: ID!) { wallet(merchantId: $merchantId) { storedValue { minorUnits currency display } } }";

    private CodeScanHost Host => world.Host;

    [Fact]
    public async Task Get_WhenOperationIsAQuery_Returns200WithData()
    {
        var response = await ApiCalls.GetAsync(Host, WalletQuery, new { merchantId = world.Merchant.MerchantId }, world.CustomerToken);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Json["errors"]);
        var storedValue = response.Json.Data("wallet")["storedValue"]!;
        Assert.Equal(await world.Merchant.WalletBalanceAsync(world.CustomerToken), storedValue["minorUnits"]!.GetValue<long>());
        Assert.Equal("CNY", storedValue["currency"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("redeem")]
    [InlineData("registerMerchant")]
    public async Task Get_WhenOperationIsAMutation_Returns405WithAllowPostAndChangesNothing(string mutation)
    {
        var (document, variables) = mutation == "redeem"
            ? (Gql.Redeem, (object)new { input = new { merchantId = world.Merchant.MerchantId, amount = 100, idempotencyKey = Guid.NewGuid().ToString("N") } })
            : (Gql.RegisterMerchant, new
            {
                input = new { name = "Noodle Bar", contactPhone = Phones.Next(), businessLicenceNumber = "91310000MA5678", address = "2 Huaihai Road", category = "food" },
            });

        var response = await world.AssertChangesNothingAsync(() => ApiCalls.GetAsync(Host, document, variables, world.CustomerToken));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("POST", response.Allow);
        Assert.Equal("MUTATION_OVER_GET", response.FirstErrorCode);
        Assert.Null(response.Json["data"]);
    }

    [Theory]
    [InlineData(ApiCalls.GraphQLResponseJson, ApiCalls.GraphQLResponseJson)]
    [InlineData(null, ApiCalls.Json)]
    [InlineData(ApiCalls.Json, ApiCalls.Json)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", ApiCalls.GraphQLResponseJson)]
    public async Task Post_WhenAcceptIsGiven_RespondsWithTheNegotiatedMediaType(string? accept, string expected)
    {
        var response = await ApiCalls.PostAsync(Host, WalletQuery, new { merchantId = world.Merchant.MerchantId }, world.CustomerToken, accept);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(expected, response.MediaType);
        Assert.NotNull(response.Json.Data("wallet")["storedValue"]);
    }

    [Fact]
    public async Task Get_WhenAcceptIsMissing_RespondsWithApplicationJson()
    {
        var response = await ApiCalls.GetAsync(Host, "{ me { phone } }", token: world.CustomerToken);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(ApiCalls.Json, response.MediaType);
    }

    [Fact]
    public async Task Post_WhenAcceptAllowsNoJsonType_Returns406()
    {
        var response = await ApiCalls.PostAsync(Host, "{ me { phone } }", token: world.CustomerToken, accept: "text/html");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
    }

    [Fact]
    public async Task Post_WhenQueryIsDeeperThanTheLimit_IsRefusedBeforeExecution()
    {
        // Introspection is the one place this schema nests without end; an introspection-only operation may go 20 levels.
        var ofTypes = string.Concat(Enumerable.Repeat("ofType { ", 20)) + "name" + string.Concat(Enumerable.Repeat(" }", 20));
        var response = await ApiCalls.PostAsync(Host, "{ __schema { types { fields { type { " + ofTypes + " } } } } }", token: world.CustomerToken, accept: ApiCalls.GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(response.Json.ContainsKey("data"), response.ToString());
        Assert.Contains("too nested", response.Json["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_WhenAliasesPushComplexityOverTheLimit_IsRefusedBeforeExecution()
    {
        // 61 × 50: aliases of a costly field; aliases of cheap ones reach the field limit (500) first.
        var fields = string.Concat(Enumerable.Range(0, 61).Select(i => $" a{i}: scanMerchant(qr: \"https://pay.example.com/s/X\") {{ __typename }}"));
        var response = await ApiCalls.PostAsync(Host, "{" + fields + " }", token: world.CustomerToken, accept: ApiCalls.GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(response.Json.ContainsKey("data"), response.ToString());
        Assert.Contains("complexity", response.Json["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task MerchantAlerts_WhenAFullPageOfEveryFieldIsAsked_IsNotRefusedByTheComplexityLimit()
    {
        // The largest page the API offers (100) with every field a till shows must still be allowed.
        const string Alert = "id merchantId kind mode amount { minorUnits currency display } bonus { minorUnits currency display } customerPhoneMasked balanceAfter { minorUnits currency display } locale spokenText occurredAt";
        var response = await Host.GraphQLAsync(
            world.Merchant.OwnerToken,
            $"query($merchantId: ID!) {{ merchantAlerts(merchantId: $merchantId, first: 100) {{ edges {{ cursor node {{ {Alert} }} }} pageInfo {{ hasNextPage endCursor }} }} }}",
            new { merchantId = world.Merchant.MerchantId });

        Assert.NotNull(response.Data("merchantAlerts")["edges"]);
    }

    [Fact]
    public async Task MerchantAlerts_WhenMoreThanAFullPageOf100Exists_ReportsHasNextPage()
    {
        var merchant = await MerchantScenario.ApprovedAsync(Host);
        var phone = Phones.Next();
        for (var i = 0; i < 101; i++)
        {
            Assert.Empty((await merchant.RechargeAsync(phone, 100)).Data("rechargeAtCounter").ErrorCodes());
        }

        await Host.WaitForProjectionsAsync();

        var page = (await Host.GraphQLAsync(
            merchant.OwnerToken,
            "query($merchantId: ID!) { merchantAlerts(merchantId: $merchantId, first: 100) { nodes { id } pageInfo { hasNextPage endCursor } } }",
            new { merchantId = merchant.MerchantId })).Data("merchantAlerts");

        Assert.Equal(100, page["nodes"]!.AsArray().Count);
        Assert.True(page["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), "101 alerts exist, 100 were returned, yet hasNextPage is false.");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/graphql")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task Post_WhenContentTypeIsUnsupported_Returns415AndChangesNothing(string contentType)
    {
        // text/plain and form posts are what a cross-site form can send without a CORS preflight.
        var body = Encoding.UTF8.GetBytes(ApiCalls.Body(Gql.Redeem, new
        {
            input = new { merchantId = world.Merchant.MerchantId, amount = 100, idempotencyKey = Guid.NewGuid().ToString("N") },
        }));

        var response = await world.AssertChangesNothingAsync(() => ApiCalls.PostBytesAsync(Host, body, world.CustomerToken, contentType: contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", response.FirstErrorCode);
    }
}
