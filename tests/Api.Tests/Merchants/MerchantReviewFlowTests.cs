using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;
using CodeScan.Api.Tests.Transport;

namespace CodeScan.Api.Tests.Merchants;

/// <summary>
/// Onboarding end to end over HTTP and WebSocket: apply, review (approve, reject, resubmit, suspend,
/// reinstate), the applicant told at once, and cashiers who act for their merchant and no other.
/// </summary>
public abstract class MerchantReviewFlowTests(StoreMode mode)
{
    [Fact]
    public async Task Apply_WhenAdminApproves_ApplicantHearsItAndTheirCashierActsForThatMerchantOnly()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var admin = await host.SignInAsync(CodeScanHost.AdminPhone);
        var applicant = await MerchantScenario.PendingAsync(host);
        var other = await MerchantScenario.ApprovedAsync(host);

        await using var applicantSocket = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + applicant.OwnerToken);
        await applicantSocket.SubscribeAsync("reviews", Gql.MerchantReviewedSubscription);
        await BusProbe.WaitForReviewSubscriberAsync(host, applicant.OwnerToken);

        var approved = (await host.GraphQLAsync(admin, Gql.ApproveMerchant, new { input = new { merchantId = applicant.MerchantId } })).Data("approveMerchant");
        Assert.Empty(approved.ErrorCodes());

        var heard = await applicantSocket.ReceiveAsync(TimeSpan.FromSeconds(5));
        var review = heard.Payload!.Value.GetProperty("data").GetProperty("merchantReviewed");
        Assert.Equal(applicant.MerchantId, review.GetProperty("merchantId").GetString());
        Assert.Equal("APPROVED", review.GetProperty("status").GetString());
        Assert.Equal((applicant.MerchantId, "APPROVED"), (review.GetProperty("merchant").GetProperty("id").GetString(), review.GetProperty("merchant").GetProperty("status").GetString()));

        var cashierPhone = Phones.Next();
        var cashier = await host.SignInAsync(cashierPhone);
        var added = (await host.GraphQLAsync(applicant.OwnerToken, Gql.AddCashier, new { input = new { merchantId = applicant.MerchantId, phone = cashierPhone } })).Data("addCashier");
        Assert.Empty(added.ErrorCodes());
        Assert.Contains(added["merchant"]!["staff"]!.AsArray(), s => s!["role"]!.GetValue<string>() == "CASHIER" && s["phone"]!.GetValue<string>() == "+86" + cashierPhone);

        var customerPhone = Phones.Next();
        var recharge = await Recharge(host, cashier, applicant.MerchantId, customerPhone);
        Assert.Empty(recharge.Data("rechargeAtCounter").ErrorCodes());

        var elsewhere = await Recharge(host, cashier, other.MerchantId, customerPhone);
        Assert.Equal("FORBIDDEN", elsewhere.GraphQLErrorCode());

        // The cashier cannot manage staff: that is the owner's.
        var promote = await host.GraphQLAsync(cashier, Gql.AddCashier, new { input = new { merchantId = applicant.MerchantId, phone = Phones.Next() } });
        Assert.Equal("FORBIDDEN", promote.GraphQLErrorCode());

        var removed = (await host.GraphQLAsync(applicant.OwnerToken, Gql.RemoveCashier, new { input = new { merchantId = applicant.MerchantId, phone = cashierPhone } })).Data("removeCashier");
        Assert.Empty(removed.ErrorCodes());
        Assert.Equal("FORBIDDEN", (await Recharge(host, cashier, applicant.MerchantId, customerPhone)).GraphQLErrorCode());
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Reject_WhenApplicantCorrectsAndResubmits_TheReasonIsRecordedAndTheApplicationCanBeApproved()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var admin = await host.SignInAsync(CodeScanHost.AdminPhone);
        var applicant = await MerchantScenario.PendingAsync(host);

        await using var socket = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + applicant.OwnerToken);
        await socket.SubscribeAsync("reviews", Gql.MerchantReviewedSubscription);
        await BusProbe.WaitForReviewSubscriberAsync(host, applicant.OwnerToken);

        var rejected = (await host.GraphQLAsync(admin, Gql.RejectMerchant, new { input = new { merchantId = applicant.MerchantId, reason = "营业执照照片不清晰 / licence photo unreadable" } })).Data("rejectMerchant");
        Assert.Empty(rejected.ErrorCodes());
        Assert.Equal("REJECTED", rejected["merchant"]!["status"]!.GetValue<string>());

        var heard = (await socket.ReceiveAsync(TimeSpan.FromSeconds(5))).Payload!.Value.GetProperty("data").GetProperty("merchantReviewed");
        Assert.Equal("REJECTED", heard.GetProperty("status").GetString());
        Assert.Equal("营业执照照片不清晰 / licence photo unreadable", heard.GetProperty("reason").GetString());

        var mine = (await host.GraphQLAsync(applicant.OwnerToken, Gql.MyMerchants))["data"]!["myMerchants"]!.AsArray();
        var decision = Assert.Single(mine.Single(m => m!["id"]!.GetValue<string>() == applicant.MerchantId)!["decisions"]!.AsArray());
        Assert.Equal("REJECTED", decision!["kind"]!.GetValue<string>());

        // A second decision on a decided application changes nothing.
        var approveRejected = (await host.GraphQLAsync(admin, Gql.ApproveMerchant, new { input = new { merchantId = applicant.MerchantId } })).Data("approveMerchant");
        Assert.Equal(["INVALID_STATE_TRANSITION"], approveRejected.ErrorCodes());

        var resubmitted = (await host.GraphQLAsync(applicant.OwnerToken, Gql.ResubmitMerchantApplication, new
        {
            input = new { merchantId = applicant.MerchantId, name = "Tea House Jing'an", contactPhone = Phones.Next(), businessLicenceNumber = "91310000MA9999", address = "2 Road", category = "tea" },
        })).Data("resubmitMerchantApplication");
        Assert.Empty(resubmitted.ErrorCodes());
        Assert.Equal("PENDING_REVIEW", resubmitted["merchant"]!["status"]!.GetValue<string>());

        var approved = (await host.GraphQLAsync(admin, Gql.ApproveMerchant, new { input = new { merchantId = applicant.MerchantId } })).Data("approveMerchant");
        Assert.Equal("APPROVED", approved["merchant"]!["status"]!.GetValue<string>());
        var history = (await host.GraphQLAsync(applicant.OwnerToken, "query($id: ID!) { merchant(id: $id) { name decisions { kind reason } } }", new { id = applicant.MerchantId }))["data"]!["merchant"]!;
        Assert.Equal("Tea House Jing'an", history["name"]!.GetValue<string>());
        Assert.Equal(["REJECTED", "RESUBMITTED", "APPROVED"], history["decisions"]!.AsArray().Select(d => d!["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Suspend_WhilePaymentsAreRefused_ThenReinstateLetsThemThrough()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var admin = await host.SignInAsync(CodeScanHost.AdminPhone);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);

        var suspended = (await host.GraphQLAsync(admin, Gql.SuspendMerchant, new { input = new { merchantId = merchant.MerchantId, reason = "complaints under investigation" } })).Data("suspendMerchant");
        Assert.Equal("SUSPENDED", suspended["merchant"]!["status"]!.GetValue<string>());
        Assert.Equal(["MERCHANT_NOT_APPROVED"], (await merchant.RedeemAsync(customer, 1_000)).Data("redeem").ErrorCodes());

        var reinstated = (await host.GraphQLAsync(admin, Gql.ReinstateMerchant, new { input = new { merchantId = merchant.MerchantId } })).Data("reinstateMerchant");
        Assert.Equal("APPROVED", reinstated["merchant"]!["status"]!.GetValue<string>());
        Assert.Empty((await merchant.RedeemAsync(customer, 1_000)).Data("redeem").ErrorCodes());
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Decisions_WhenInputIsBad_AnswerClearlyAndChangeNothing()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var admin = await host.SignInAsync(CodeScanHost.AdminPhone);
        var applicant = await MerchantScenario.PendingAsync(host);
        var before = await LedgerCheck.FingerprintAsync(host);

        var noReason = (await host.GraphQLAsync(admin, Gql.RejectMerchant, new { input = new { merchantId = applicant.MerchantId, reason = "  " } })).Data("rejectMerchant");
        Assert.Equal(["INVALID_INPUT"], noReason.ErrorCodes());
        var longReason = (await host.GraphQLAsync(admin, Gql.RejectMerchant, new { input = new { merchantId = applicant.MerchantId, reason = new string('x', 10_000) } })).Data("rejectMerchant");
        Assert.Equal(["INVALID_INPUT"], longReason.ErrorCodes());
        var unknown = (await host.GraphQLAsync(admin, Gql.RejectMerchant, new { input = new { merchantId = GraphQL.GlobalId.Encode("Merchant", Guid.NewGuid()), reason = "x" } })).Data("rejectMerchant");
        Assert.Equal(["NOT_FOUND"], unknown.ErrorCodes());
        var suspendPending = (await host.GraphQLAsync(admin, Gql.SuspendMerchant, new { input = new { merchantId = applicant.MerchantId, reason = "x" } })).Data("suspendMerchant");
        Assert.Equal(["INVALID_STATE_TRANSITION"], suspendPending.ErrorCodes());
        var badPhone = (await host.GraphQLAsync(applicant.OwnerToken, Gql.AddCashier, new { input = new { merchantId = applicant.MerchantId, phone = "12345" } })).Data("addCashier");
        Assert.Equal(["INVALID_INPUT"], badPhone.ErrorCodes());
        var notCashier = (await host.GraphQLAsync(applicant.OwnerToken, Gql.RemoveCashier, new { input = new { merchantId = applicant.MerchantId, phone = Phones.Next() } })).Data("removeCashier");
        Assert.Equal(["NOT_FOUND"], notCashier.ErrorCodes());
        var notAdmin = await host.GraphQLAsync(applicant.OwnerToken, Gql.RejectMerchant, new { input = new { merchantId = applicant.MerchantId, reason = "self" } });
        Assert.Equal("FORBIDDEN", notAdmin.GraphQLErrorCode());

        Assert.Equal(before, await LedgerCheck.FingerprintAsync(host));
        var status = (await host.GraphQLAsync(admin, Gql.MerchantApplications, new { status = "PENDING_REVIEW", first = 100 }))["data"]!["merchantApplications"]!["edges"]!.AsArray();
        Assert.Contains(status, e => e!["node"]!["id"]!.GetValue<string>() == applicant.MerchantId);
    }

    [Fact]
    public async Task MerchantApplications_WhenPagedByTwo_ListsEveryPendingApplicationOnceInOrder()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var admin = await host.SignInAsync(CodeScanHost.AdminPhone);
        var applied = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            applied.Add((await MerchantScenario.PendingAsync(host, name: $"Shop {i}")).MerchantId);
        }

        var seen = new List<string>();
        string? after = null;
        JsonNode page;
        do
        {
            page = (await host.GraphQLAsync(admin, Gql.MerchantApplications, new { status = "PENDING_REVIEW", after, first = 2 }))["data"]!["merchantApplications"]!;
            seen.AddRange(page["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()));
            after = page["pageInfo"]!["endCursor"]?.GetValue<string>();
        }
        while (page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());

        Assert.Equal(applied, seen);
        var bad = await host.GraphQLAsync(admin, Gql.MerchantApplications, new { after = "not-a-cursor" });
        Assert.Equal("BAD_USER_INPUT", bad.GraphQLErrorCode());
    }

    [Fact]
    public async Task Approve_WhenFiveAdminsDecideAtOnce_ExactlyOneWinsAndTheOthersAreToldClearly()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var admin = await host.SignInAsync(CodeScanHost.AdminPhone);
        var applicant = await MerchantScenario.PendingAsync(host);

        using var start = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, 5).Select(_ => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await host.GraphQLAsync(admin, Gql.ApproveMerchant, new { input = new { merchantId = applicant.MerchantId } });
        })).ToArray();
        start.Release(5);
        var payloads = (await Task.WhenAll(attempts)).Select(r => r.Data("approveMerchant")).ToList();

        Assert.Single(payloads, p => p.ErrorCodes().Count == 0);
        Assert.Equal(4, payloads.Count(p => p.ErrorCodes().SequenceEqual(["INVALID_STATE_TRANSITION"])));
        var codes = payloads.Where(p => p.ErrorCodes().Count == 0).Select(p => p["merchant"]!["merchantCode"]!.GetValue<string>()).ToList();
        var merchant = (await host.GraphQLAsync(applicant.OwnerToken, "query($id: ID!) { merchant(id: $id) { merchantCode decisions { kind } } }", new { id = applicant.MerchantId })).Data("merchant");
        Assert.Equal(codes.Single(), merchant["merchantCode"]!.GetValue<string>());
        Assert.Single(merchant["decisions"]!.AsArray());
    }

    [Fact]
    public async Task MerchantBackOfficeFields_WhenAskedByAStranger_AreForbiddenWhileThePublicProfileIsNot()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var stranger = await host.SignInAsync(Phones.Next());
        const string Query = "query($id: ID!) { merchant(id: $id) { name contactPhone } }";

        var asStranger = await host.GraphQLAsync(stranger, Query, new { id = merchant.MerchantId });
        Assert.Equal("FORBIDDEN", asStranger.GraphQLErrorCode());
        var asOwner = await host.GraphQLAsync(merchant.OwnerToken, Query, new { id = merchant.MerchantId });
        Assert.StartsWith("+86", asOwner.Data("merchant")["contactPhone"]!.GetValue<string>());
        var publicProfile = await host.GraphQLAsync(stranger, "query($id: ID!) { merchant(id: $id) { name status } }", new { id = merchant.MerchantId });
        Assert.Equal("Tea House", publicProfile.Data("merchant")["name"]!.GetValue<string>());
    }

    private static Task<JsonObject> Recharge(CodeScanHost host, string token, string merchantId, string customerPhone) =>
        host.GraphQLAsync(token, Gql.RechargeAtCounter, new
        {
            input = new { merchantId, customerPhone, amount = 5_000L, bonus = 0L, idempotencyKey = Guid.NewGuid().ToString("N") },
        });
}

public sealed class EmbeddedMerchantReviewFlowTests() : MerchantReviewFlowTests(StoreMode.Embedded);

public sealed class MariaDbMerchantReviewFlowTests() : MerchantReviewFlowTests(StoreMode.MariaDbRedis);
