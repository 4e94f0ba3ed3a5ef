using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Api;

/// <summary>
/// DESIGN §8 "Bad input gets a clear error and changes nothing", over the real schema and real HTTP: every
/// request here is refused with the error a client can act on, and the stores (event log, ledger, every
/// table a command writes, the customer's wallet) are exactly as they were.
/// </summary>
public abstract class BadInputTests(ApiWorld world)
{
    private CodeScanHost Host => world.Host;

    private MerchantScenario Merchant => world.Merchant;

    // ---- the harness can see a change -----------------------------------------------------------------

    [Fact]
    public async Task Redeem_WhenInputIsValidWithA64CharacterKey_ChangesTheStoreAndTheWallet()
    {
        var before = await SettledSnapshotAsync();
        var balance = await Merchant.WalletBalanceAsync(world.CustomerToken);

        var payload = (await Merchant.RedeemAsync(world.CustomerToken, 100, new string('k', 64))).Data("redeem");

        Assert.Empty(payload.ErrorCodes());
        var after = await SettledSnapshotAsync();
        Assert.NotEqual(before.Ledger, after.Ledger);
        Assert.Equal(before.Redemptions + 1, after.Redemptions);
        Assert.Equal(balance - 100, await Merchant.WalletBalanceAsync(world.CustomerToken));
    }

    // ---- transport -------------------------------------------------------------------------------------

    [Theory]
    [InlineData(null)]
    [InlineData(ApiCalls.GraphQLResponseJson)]
    public async Task Post_WhenBodyIsMalformedJson_Returns400AndChangesNothing(string? accept)
    {
        var body = ApiCalls.Body(Gql.Redeem, RedeemVariables(100));

        var response = await AssertChangesNothingAsync(() => ApiCalls.PostRawAsync(Host, body[..^7], world.CustomerToken, accept));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BAD_REQUEST", response.FirstErrorCode);
        Assert.Contains("JSON", response.Json["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(response.Json["data"]);
    }

    [Theory]
    [InlineData(ApiCalls.GraphQLResponseJson, HttpStatusCode.BadRequest)]
    [InlineData(ApiCalls.Json, HttpStatusCode.OK)]
    public async Task Post_WhenOperationNameIsNotInTheDocument_IsARequestErrorAndChangesNothing(string accept, HttpStatusCode expected)
    {
        var document = Gql.Redeem.Replace("mutation(", "mutation Pay(", StringComparison.Ordinal);

        var response = await AssertChangesNothingAsync(() =>
            ApiCalls.PostAsync(Host, document, RedeemVariables(100), world.CustomerToken, accept, operationName: "Refund"));

        Assert.Equal(expected, response.Status);
        Assert.Equal(accept, response.MediaType);
        Assert.Contains("Refund", response.Json["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(response.Json.ContainsKey("data"), $"A request error has no data: {response}");
    }

    [Theory]
    [InlineData(ApiCalls.GraphQLResponseJson, HttpStatusCode.BadRequest)]
    [InlineData(ApiCalls.Json, HttpStatusCode.OK)]
    public async Task Mutation_WhenFieldDoesNotExist_IsAValidationErrorAndChangesNothing(string accept, HttpStatusCode expected)
    {
        var document = $$"""mutation { takeAllTheMoney(input: { merchantId: "{{Merchant.MerchantId}}", amount: 100 }) { errors { code } } }""";

        var response = await AssertChangesNothingAsync(() => ApiCalls.PostAsync(Host, document, token: world.CustomerToken, accept: accept));

        Assert.Equal(expected, response.Status);
        Assert.Contains("takeAllTheMoney", response.Json["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(response.Json.ContainsKey("data"), $"A validation error has no data: {response}");
    }

    [Fact]
    public async Task Post_WhenBodyIs10MB_Returns413AndChangesNothing()
    {
        var body = ApiCalls.Body(Gql.Redeem, RedeemVariables(100));
        var bytes = Encoding.UTF8.GetBytes(body[..^1] + new string(' ', 10 * 1024 * 1024) + "}");

        var response = await AssertChangesNothingAsync(() => ApiCalls.PostBytesAsync(Host, bytes, world.CustomerToken));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal("PAYLOAD_TOO_LARGE", response.FirstErrorCode);
    }

    // ---- amounts -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-100_000_000)]
    [InlineData(100_000_001)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public async Task Redeem_WhenAmountIsOutOfRange_ReturnsAmountOutOfRangeAndChangesNothing(long amount)
    {
        var payload = await AssertChangesNothingAsync(async () => (await Merchant.RedeemAsync(world.CustomerToken, amount)).Data("redeem"));

        AssertSingleUserError(payload, "AMOUNT_OUT_OF_RANGE", "amount");
        Assert.Null(payload["redemption"]);
    }

    [Theory]
    [InlineData(0, 0, "amount")]
    [InlineData(-500, 0, "amount")]
    [InlineData(100_000_001, 0, "amount")]
    [InlineData(1_000, -1, "bonus")]
    [InlineData(1_000, 1_001, "bonus")]
    public async Task RechargeAtCounter_WhenAmountOrBonusIsOutOfRange_ReturnsAmountOutOfRangeAndChangesNothing(long amount, long bonus, string field)
    {
        // A phone number the platform has never seen: refusing must not register its owner either.
        var payload = await AssertChangesNothingAsync(async () =>
            (await Merchant.RechargeAsync(Phones.Next(), amount, bonus: bonus)).Data("rechargeAtCounter"));

        AssertSingleUserError(payload, "AMOUNT_OUT_OF_RANGE", field);
        Assert.Null(payload["recharge"]);
    }

    [Theory]
    [InlineData("variable", "9223372036854775808")]
    [InlineData("variable", "-9223372036854775809")]
    [InlineData("variable", "1e30")]
    [InlineData("variable", "1.5")]
    [InlineData("variable", "true")]
    [InlineData("literal", "9223372036854775808")]
    [InlineData("literal", "99999999999999999999999999")]
    public async Task Redeem_WhenAmountIsNotAnInt64_IsAGraphQLErrorAndChangesNothing(string carriedAs, string amount)
    {
        string body;
        if (carriedAs == "variable")
        {
            var variables = new JsonObject
            {
                ["input"] = new JsonObject
                {
                    ["merchantId"] = Merchant.MerchantId,
                    ["amount"] = JsonNode.Parse(amount),
                    ["idempotencyKey"] = Guid.NewGuid().ToString("N"),
                },
            };
            body = new JsonObject { ["query"] = Gql.Redeem, ["variables"] = variables }.ToJsonString();
        }
        else
        {
            var document = $$"""mutation { redeem(input: { merchantId: "{{Merchant.MerchantId}}", amount: {{amount}}, idempotencyKey: "{{Guid.NewGuid():N}}" }) { errors { code } } }""";
            body = ApiCalls.Body(document);
        }

        var response = await AssertChangesNothingAsync(() => ApiCalls.PostRawAsync(Host, body, world.CustomerToken));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(response.Json["errors"] is JsonArray { Count: > 0 }, $"Expected a GraphQL error: {response}");
        Assert.Null(response.Json["data"]?["redeem"]);
    }

    // ---- expected business failures are payload errors that change nothing ------------------------------

    /// <summary>The amount is optional in the schema (a times card takes none), so a null one is the mode's rule to refuse.</summary>
    [Fact]
    public async Task Redeem_WhenAStoredValuePaymentHasANullAmount_IsInvalidInputAndChangesNothing()
    {
        var variables = new JsonObject
        {
            ["input"] = new JsonObject { ["merchantId"] = Merchant.MerchantId, ["amount"] = null, ["idempotencyKey"] = Guid.NewGuid().ToString("N") },
        };
        var body = new JsonObject { ["query"] = Gql.Redeem, ["variables"] = variables }.ToJsonString();

        var response = await AssertChangesNothingAsync(() => ApiCalls.PostRawAsync(Host, body, world.CustomerToken));

        Assert.Equal("INVALID_INPUT", response.Json["data"]!["redeem"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("amount", response.Json["data"]!["redeem"]!["errors"]![0]!["path"]![1]!.GetValue<string>());
    }


    [Theory]
    [InlineData("the funded customer")]
    [InlineData("a customer with no wallet here")]
    public async Task Redeem_WhenBalanceDoesNotCoverTheAmount_ReturnsInsufficientBalanceAndChangesNothing(string who)
    {
        var token = who == "the funded customer" ? world.CustomerToken : await Host.SignInAsync(Phones.Next());

        var payload = await AssertChangesNothingAsync(async () => (await Merchant.RedeemAsync(token, 100_000_000)).Data("redeem"));

        AssertSingleUserError(payload, "INSUFFICIENT_BALANCE", "amount");
        Assert.Null(payload["redemption"]);
    }

    [Fact]
    public async Task RedeemAndRecharge_WhenMerchantIsPendingReview_ReturnMerchantNotApprovedAndChangeNothing()
    {
        var applicantPhone = Phones.Next();
        var applicant = await Host.SignInAsync(applicantPhone);
        var merchantId = (await Host.GraphQLAsync(applicant, Gql.RegisterMerchant, new
        {
            input = new { name = "Noodle Bar", contactPhone = applicantPhone, businessLicenceNumber = "91310000MA5678", address = "2 Huaihai Road", category = "food" },
        })).Data("registerMerchant")["merchant"]!["id"]!.GetValue<string>();

        var redeem = await AssertChangesNothingAsync(async () => (await Host.GraphQLAsync(world.CustomerToken, Gql.Redeem, new
        {
            input = new { merchantId, amount = 100, idempotencyKey = Guid.NewGuid().ToString("N") },
        })).Data("redeem"));
        var recharge = await AssertChangesNothingAsync(async () => (await Host.GraphQLAsync(applicant, Gql.RechargeAtCounter, new
        {
            input = new { merchantId, customerPhone = Phones.Next(), amount = 100, bonus = 0, idempotencyKey = Guid.NewGuid().ToString("N") },
        })).Data("rechargeAtCounter"));

        Assert.Equal(["MERCHANT_NOT_APPROVED"], redeem.ErrorCodes());
        Assert.Equal(["MERCHANT_NOT_APPROVED"], recharge.ErrorCodes());
    }

    // ---- ids, keys, strings ------------------------------------------------------------------------------

    [Theory]
    [InlineData("random merchant guid")]
    [InlineData("garbage")]
    [InlineData("global id of another type")]
    [InlineData("empty")]
    [InlineData("10000 characters")]
    public async Task Redeem_WhenMerchantIdIsUnknown_ReturnsNotFoundAndChangesNothing(string kind)
    {
        var merchantId = UnknownMerchantId(kind);

        var payload = await AssertChangesNothingAsync(async () => (await Host.GraphQLAsync(world.CustomerToken, Gql.Redeem, new
        {
            input = new { merchantId, amount = 100, idempotencyKey = Guid.NewGuid().ToString("N") },
        })).Data("redeem"));

        AssertSingleUserError(payload, "NOT_FOUND", "merchantId");
    }

    [Theory]
    [InlineData("random merchant guid")]
    [InlineData("garbage")]
    public async Task RechargeAtCounter_WhenMerchantIdIsUnknown_ReturnsNotFoundAndChangesNothing(string kind)
    {
        var merchantId = UnknownMerchantId(kind);

        var payload = await AssertChangesNothingAsync(async () => (await Host.GraphQLAsync(Merchant.OwnerToken, Gql.RechargeAtCounter, new
        {
            input = new { merchantId, customerPhone = Phones.Next(), amount = 100, bonus = 0, idempotencyKey = Guid.NewGuid().ToString("N") },
        })).Data("rechargeAtCounter"));

        AssertSingleUserError(payload, "NOT_FOUND", "merchantId");
    }

    [Theory]
    [InlineData(65)]
    [InlineData(10_000)]
    [InlineData(0)]
    public async Task Redeem_WhenIdempotencyKeyLengthIsOutOfBounds_ReturnsInvalidInputAndChangesNothing(int length)
    {
        var payload = await AssertChangesNothingAsync(async () =>
            (await Merchant.RedeemAsync(world.CustomerToken, 100, new string('k', length))).Data("redeem"));

        AssertSingleUserError(payload, "INVALID_INPUT", "idempotencyKey");
    }

    [Fact]
    public async Task RechargeAtCounter_WhenIdempotencyKeyHas65Characters_ReturnsInvalidInputAndChangesNothing()
    {
        var payload = await AssertChangesNothingAsync(async () =>
            (await Merchant.RechargeAsync(Phones.Next(), 100, new string('k', 65))).Data("rechargeAtCounter"));

        AssertSingleUserError(payload, "INVALID_INPUT", "idempotencyKey");
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("not a phone")]
    [InlineData("")]
    [InlineData("+0123456789")]
    [InlineData("139000000001390000000013900000000")]
    [InlineData("23900000000")]
    public async Task RechargeAtCounter_WhenCustomerPhoneIsInvalid_ReturnsInvalidInputAndChangesNothing(string phone)
    {
        var payload = await AssertChangesNothingAsync(async () => (await Merchant.RechargeAsync(phone, 100)).Data("rechargeAtCounter"));

        AssertSingleUserError(payload, "INVALID_INPUT", "customerPhone");
        Assert.Null(payload["recharge"]);
    }

    [Theory]
    [InlineData("name", 10_000)]
    [InlineData("name", 101)]
    [InlineData("name", 0)]
    [InlineData("address", 10_000)]
    [InlineData("category", 10_000)]
    [InlineData("businessLicenceNumber", 10_000)]
    [InlineData("contactPhone", 10_000)]
    [InlineData("currency", 10_000)]
    public async Task RegisterMerchant_WhenTextIsOutOfBounds_ReturnsInvalidInputOnThatFieldAndChangesNothing(string field, int length)
    {
        var applicant = await Host.SignInAsync(Phones.Next());
        var input = new Dictionary<string, object?>
        {
            ["name"] = "Noodle Bar",
            ["contactPhone"] = Phones.Next(),
            ["businessLicenceNumber"] = "91310000MA5678",
            ["address"] = "2 Huaihai Road",
            ["category"] = "food",
            [field] = new string('A', length),
        };

        var payload = await AssertChangesNothingAsync(async () =>
            (await Host.GraphQLAsync(applicant, Gql.RegisterMerchant, new { input })).Data("registerMerchant"));

        AssertSingleUserError(payload, "INVALID_INPUT", field);
        Assert.Null(payload["merchant"]);
    }

    // ---- who may do it -----------------------------------------------------------------------------------

    [Theory]
    [InlineData("redeem")]
    [InlineData("rechargeAtCounter")]
    [InlineData("registerMerchant")]
    [InlineData("approveMerchant")]
    public async Task Mutation_WhenThereIsNoToken_IsUnauthenticatedAndChangesNothing(string mutation)
    {
        var (document, variables) = mutation switch
        {
            "redeem" => (Gql.Redeem, RedeemVariables(100)),
            "rechargeAtCounter" => (Gql.RechargeAtCounter, (object)new
            {
                input = new { merchantId = Merchant.MerchantId, customerPhone = Phones.Next(), amount = 100, bonus = 0, idempotencyKey = Guid.NewGuid().ToString("N") },
            }),
            "registerMerchant" => (Gql.RegisterMerchant, new
            {
                input = new { name = "Noodle Bar", contactPhone = Phones.Next(), businessLicenceNumber = "91310000MA5678", address = "2 Huaihai Road", category = "food" },
            }),
            _ => (Gql.ApproveMerchant, new { input = new { merchantId = Merchant.MerchantId } }),
        };

        var response = await AssertChangesNothingAsync(() => Host.GraphQLAsync(null, document, variables));

        Assert.Equal("UNAUTHENTICATED", response.GraphQLErrorCode());
        Assert.Null(response["data"]?[mutation]);
    }

    [Theory]
    [InlineData("redeem")]
    [InlineData("rechargeAtCounter")]
    [InlineData("approveMerchant")]
    public async Task Mutation_WhenThereIsNoTokenAndTheMerchantIdIsGarbage_IsStillUnauthenticated(string mutation)
    {
        // DESIGN §5: unauthenticated is a GraphQL error. Who the caller is must be decided before what the input means.
        var (document, variables) = mutation switch
        {
            "redeem" => (Gql.Redeem, (object)new { input = new { merchantId = "garbage", amount = 100, idempotencyKey = Guid.NewGuid().ToString("N") } }),
            "rechargeAtCounter" => (Gql.RechargeAtCounter, new
            {
                input = new { merchantId = "garbage", customerPhone = Phones.Next(), amount = 100, bonus = 0, idempotencyKey = Guid.NewGuid().ToString("N") },
            }),
            _ => (Gql.ApproveMerchant, new { input = new { merchantId = "garbage" } }),
        };

        var response = await AssertChangesNothingAsync(() => Host.GraphQLAsync(null, document, variables));

        Assert.True("UNAUTHENTICATED" == response.GraphQLErrorCode(), $"Expected a GraphQL error UNAUTHENTICATED: {response.ToJsonString()}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(int.MaxValue)]
    public async Task MerchantAlerts_WhenPageSizeIsOutOfBounds_IsABadUserInputError(int first)
    {
        var response = await Host.GraphQLAsync(
            Merchant.OwnerToken,
            "query($merchantId: ID!, $first: Int) { merchantAlerts(merchantId: $merchantId, first: $first) { nodes { id } } }",
            new { merchantId = Merchant.MerchantId, first });

        // Refused either by the resolver's own bound or, for huge values, by the complexity limit first.
        Assert.Contains(response.GraphQLErrorCode(), new[] { "BAD_USER_INPUT", "COMPLEXITY" });
        Assert.Null(response["data"]?["merchantAlerts"]);
    }

    [Theory]
    [InlineData("customer")]
    [InlineData("platform admin")]
    [InlineData("owner of another merchant")]
    public async Task RechargeAtCounter_WhenCallerIsNotStaffOfTheMerchant_IsForbiddenAndChangesNothing(string caller)
    {
        var token = caller switch
        {
            "customer" => world.CustomerToken,
            "platform admin" => world.AdminToken,
            _ => (await MerchantScenario.ApprovedAsync(Host)).OwnerToken,
        };

        var response = await AssertChangesNothingAsync(() => Host.GraphQLAsync(token, Gql.RechargeAtCounter, new
        {
            input = new { merchantId = Merchant.MerchantId, customerPhone = Phones.Next(), amount = 100_000, bonus = 0, idempotencyKey = Guid.NewGuid().ToString("N") },
        }));

        Assert.Equal("FORBIDDEN", response.GraphQLErrorCode());
        Assert.Null(response["data"]?["rechargeAtCounter"]);
    }

    [Theory]
    [InlineData("applicant")]
    [InlineData("customer")]
    public async Task ApproveMerchant_WhenCallerIsNotPlatformAdmin_IsForbiddenAndChangesNothing(string caller)
    {
        var applicantPhone = Phones.Next();
        var applicant = await Host.SignInAsync(applicantPhone);
        var registered = (await Host.GraphQLAsync(applicant, Gql.RegisterMerchant, new
        {
            input = new { name = "Noodle Bar", contactPhone = applicantPhone, businessLicenceNumber = "91310000MA5678", address = "2 Huaihai Road", category = "food" },
        })).Data("registerMerchant");
        var merchantId = registered["merchant"]!["id"]!.GetValue<string>();
        var token = caller == "applicant" ? applicant : world.CustomerToken;

        var response = await AssertChangesNothingAsync(() => Host.GraphQLAsync(token, Gql.ApproveMerchant, new { input = new { merchantId } }));

        Assert.Equal("FORBIDDEN", response.GraphQLErrorCode());
        var merchant = await Host.GraphQLAsync(world.AdminToken, "query($id: ID!) { merchant(id: $id) { status merchantCode } }", new { id = merchantId });
        Assert.Equal("PENDING_REVIEW", merchant.Data("merchant")["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ApproveMerchant_WhenMerchantIsAlreadyApproved_ReturnsInvalidStateTransitionAndKeepsItsCode()
    {
        const string Lookup = "query($id: ID!) { merchant(id: $id) { status merchantCode reviewedAt } }";
        var before = (await Host.GraphQLAsync(world.AdminToken, Lookup, new { id = Merchant.MerchantId })).Data("merchant");

        var payload = await AssertChangesNothingAsync(async () =>
            (await Host.GraphQLAsync(world.AdminToken, Gql.ApproveMerchant, new { input = new { merchantId = Merchant.MerchantId } })).Data("approveMerchant"));

        Assert.Equal(["INVALID_STATE_TRANSITION"], payload.ErrorCodes());
        Assert.Null(payload["merchant"]);
        var after = (await Host.GraphQLAsync(world.AdminToken, Lookup, new { id = Merchant.MerchantId })).Data("merchant");
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("claims tampered, old signature")]
    [InlineData("signed by another key")]
    [InlineData("another issuer")]
    [InlineData("alg none")]
    [InlineData("garbage")]
    [InlineData("not a bearer scheme")]
    [InlineData("bearer without a token")]
    public async Task Post_WhenTokenIsInvalid_Returns401UnauthenticatedAndChangesNothing(string kind)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var token = world.CustomerToken;
        var authorization = kind switch
        {
            "expired" => "Bearer " + ApiCalls.ReSign(Host, token, p =>
            {
                p["iat"] = now - 7_200;
                p["nbf"] = now - 7_200;
                p["exp"] = now - 3_600;
            }),
            "claims tampered, old signature" => "Bearer " + ApiCalls.Tamper(token, p => p["role"] = new JsonArray("platform_admin", "customer")),
            "signed by another key" => "Bearer " + ApiCalls.ReSign(Host, token, _ => { }, key: "another-key-that-is-long-enough-for-hs256-0123456789"),
            "another issuer" => "Bearer " + ApiCalls.ReSign(Host, token, p => p["iss"] = "someone-else"),
            "alg none" => "Bearer " + Convert.ToBase64String("""{"alg":"none","typ":"JWT"}"""u8.ToArray()).TrimEnd('=') + "." + token.Split('.')[1] + ".",
            "garbage" => "Bearer not.a.token",
            "not a bearer scheme" => "Basic " + Convert.ToBase64String("admin:admin"u8.ToArray()),
            _ => "Bearer ",
        };

        var response = await AssertChangesNothingAsync(() => ApiCalls.PostBytesAsync(
            Host, Encoding.UTF8.GetBytes(ApiCalls.Body(Gql.Redeem, RedeemVariables(100))), authorization: authorization));

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Null(response.Json["data"]);
    }

    [Fact]
    public async Task Post_WhenTokenIsReSignedUnchangedWithTheRightKey_IsAccepted()
    {
        // The control for the forged tokens above: re-signing alone does not make a token invalid.
        var token = ApiCalls.ReSign(Host, world.CustomerToken, _ => { });

        var me = await Host.GraphQLAsync(token, "{ me { phone isPlatformAdmin } }");

        Assert.Equal("+86" + world.CustomerPhone, me.Data("me")["phone"]!.GetValue<string>());
    }

    // ---- idempotency ---------------------------------------------------------------------------------------

    [Fact]
    public async Task Redeem_WhenIdempotencyKeyIsReplayedWithADifferentAmount_ReturnsIdempotencyKeyReusedAndChangesNothing()
    {
        var key = Guid.NewGuid().ToString("N");
        var first = (await Merchant.RedeemAsync(world.CustomerToken, 300, key)).Data("redeem");
        Assert.Empty(first.ErrorCodes());

        var payload = await AssertChangesNothingAsync(async () => (await Merchant.RedeemAsync(world.CustomerToken, 400, key)).Data("redeem"));

        AssertSingleUserError(payload, "IDEMPOTENCY_KEY_REUSED", "idempotencyKey");
        Assert.Null(payload["redemption"]);
    }

    [Fact]
    public async Task Redeem_WhenIdempotencyKeyIsReplayedWithTheSameRequest_ReturnsTheFirstRedemptionAndChangesNothing()
    {
        var key = Guid.NewGuid().ToString("N");
        var first = (await Merchant.RedeemAsync(world.CustomerToken, 300, key)).Data("redeem");
        Assert.Empty(first.ErrorCodes());

        var replay = await AssertChangesNothingAsync(async () => (await Merchant.RedeemAsync(world.CustomerToken, 300, key)).Data("redeem"));

        Assert.Equal(first.ToJsonString(), replay.ToJsonString());
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private object RedeemVariables(long amount) =>
        new { input = new { merchantId = Merchant.MerchantId, amount, idempotencyKey = Guid.NewGuid().ToString("N") } };

    private static string UnknownMerchantId(string kind) => kind switch
    {
        "random merchant guid" => ApiCalls.GlobalIdOf("Merchant", Guid.NewGuid()),
        "global id of another type" => ApiCalls.GlobalIdOf("User", Guid.NewGuid()),
        "empty" => string.Empty,
        "10000 characters" => new string('A', 10_000),
        _ => "not-a-merchant-id",
    };

    private static void AssertSingleUserError(JsonObject payload, string code, string field)
    {
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.True(code == error["code"]!.GetValue<string>(), $"Expected {code} on {field}: {payload.ToJsonString()}");
        Assert.False(string.IsNullOrWhiteSpace(error["message"]!.GetValue<string>()));
        Assert.Equal(["input", field], error["path"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    private Task<StoreSnapshot> SettledSnapshotAsync() => world.SettledSnapshotAsync();

    private Task<T> AssertChangesNothingAsync<T>(Func<Task<T>> send) => world.AssertChangesNothingAsync(send);
}

public sealed class EmbeddedBadInputTests(EmbeddedApiWorld world) : BadInputTests(world), IClassFixture<EmbeddedApiWorld>;

public sealed class MariaDbBadInputTests(MariaDbApiWorld world) : BadInputTests(world), IClassFixture<MariaDbApiWorld>;
