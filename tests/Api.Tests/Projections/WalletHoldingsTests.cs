using CodeScan.Api.Tests.Support;
using CodeScan.Application.Projections;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Infrastructure.Messaging;
using CodeScan.Infrastructure.ReadModels;

namespace CodeScan.Api.Tests.Projections;

/// <summary>Cards and coupons land in the customer's wallet with the terms they were issued with, once.</summary>
public sealed class WalletHoldingsProjectionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Apply_WhenACardAndACouponAreIssued_TheWalletHoldsBothAndAReplayChangesNothing()
    {
        var store = new InMemoryReadModelStore();
        var projection = new WalletProjection(store, new InProcessNotificationBus());
        var merchant = MerchantId.New();
        var customer = UserId.New();
        var card = new CardIssued(Guid.NewGuid(), merchant, customer, Guid.NewGuid(), CardKind.TimesCard, "10 haircuts", 10, null, Now, Now.AddDays(365), IssueSource.Counter, null, UserId.New(), Now);
        var terms = CouponTerms.Create(CouponKind.Threshold, 1_500, null, null, 10_000, null).Value!;
        var coupon = new CouponIssued(Guid.NewGuid(), merchant, customer, Guid.NewGuid(), "Spend 100 save 15", terms, Now, Now.AddDays(30), IssueSource.FreeClaim, null, null, Now);

        await projection.ApplyAsync(new EventEnvelope(1, card, Now), CancellationToken.None);
        await projection.ApplyAsync(new EventEnvelope(2, coupon, Now), CancellationToken.None);
        var wallet = await store.GetWalletAsync(merchant.Value, customer.Value, CancellationToken.None);
        await projection.ApplyAsync(new EventEnvelope(1, card, Now), CancellationToken.None);
        await projection.ApplyAsync(new EventEnvelope(2, coupon, Now), CancellationToken.None);

        Assert.NotNull(wallet);
        var held = Assert.Single(wallet.Cards);
        Assert.Equal((10, 10, Now.AddDays(365)), (held.UsesGranted!.Value, held.UsesLeft!.Value, held.ExpiresAt));
        var heldCoupon = Assert.Single(wallet.Coupons);
        Assert.Equal(terms, heldCoupon.Terms);
        Assert.Equal(CouponStatus.Available, heldCoupon.Status);
        Assert.Equal(2, wallet.Position);
        Assert.Equal(wallet, await store.GetWalletAsync(merchant.Value, customer.Value, CancellationToken.None));
    }
}

/// <summary>`wallets` lists a customer's holdings at every merchant, on both stores.</summary>
public abstract class WalletsQueryTests(StoreMode mode)
{
    [Fact]
    public async Task Wallets_WhenTheCustomerHoldsValueAtTwoMerchants_ListsBothAndNoOneElses()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var tea = await MerchantScenario.ApprovedAsync(host);
        var noodles = await MerchantScenario.ApprovedAsync(host);
        var phone = Phones.Next();
        var customer = await host.SignInAsync(phone);
        Assert.Empty((await tea.RechargeAsync(phone, 10_000)).Data("rechargeAtCounter").ErrorCodes());
        Assert.Empty((await noodles.RechargeAsync(phone, 2_500, bonus: 500)).Data("rechargeAtCounter").ErrorCodes());
        var (_, someoneElse) = await tea.FundedCustomerAsync(99_900);
        await host.WaitForProjectionsAsync();

        var wallets = (await host.GraphQLAsync(customer, "{ wallets { merchantId storedValue { minorUnits } cards { id } coupons { id } } }"))["data"]!["wallets"]!.AsArray();

        Assert.Equal(2, wallets.Count);
        Assert.Equal(10_000, wallets.Single(w => w!["merchantId"]!.GetValue<string>() == tea.MerchantId)!["storedValue"]!["minorUnits"]!.GetValue<long>());
        Assert.Equal(3_000, wallets.Single(w => w!["merchantId"]!.GetValue<string>() == noodles.MerchantId)!["storedValue"]!["minorUnits"]!.GetValue<long>());
        var theirs = (await host.GraphQLAsync(someoneElse, "{ wallets { storedValue { minorUnits } } }"))["data"]!["wallets"]!.AsArray();
        Assert.Equal(99_900, Assert.Single(theirs)!["storedValue"]!["minorUnits"]!.GetValue<long>());
    }

    [Fact]
    public async Task Wallet_HasAStableIdThatNodeFetchesForItsOwnerOnly()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var tea = await MerchantScenario.ApprovedAsync(host);
        var (phone, customer) = await tea.FundedCustomerAsync(10_000);
        var (_, someoneElse) = await tea.FundedCustomerAsync(5_000);
        await host.WaitForProjectionsAsync();
        const string byMerchant = "query($m: ID!) { wallet(merchantId: $m) { id storedValue { minorUnits } } }";
        const string byNode = "query($id: ID!) { node(id: $id) { id ... on Wallet { storedValue { minorUnits } } } }";

        var id = (await host.GraphQLAsync(customer, byMerchant, new { m = tea.MerchantId })).Data("wallet")["id"]!.GetValue<string>();
        var listed = (await host.GraphQLAsync(customer, "{ wallets { id } }"))["data"]!["wallets"]!.AsArray();
        Assert.Empty((await tea.RechargeAsync(phone, 2_500)).Data("rechargeAtCounter").ErrorCodes());
        await host.WaitForProjectionsAsync();
        var afterRecharge = (await host.GraphQLAsync(customer, byMerchant, new { m = tea.MerchantId })).Data("wallet");
        var fetched = (await host.GraphQLAsync(customer, byNode, new { id })).Data("node");
        var othersWallet = (await host.GraphQLAsync(someoneElse, byNode, new { id }))["data"]!["node"];
        var othersOwn = (await host.GraphQLAsync(someoneElse, byMerchant, new { m = tea.MerchantId })).Data("wallet")["id"]!.GetValue<string>();

        Assert.Equal(id, Assert.Single(listed)!["id"]!.GetValue<string>());
        Assert.Equal(id, afterRecharge["id"]!.GetValue<string>());
        Assert.Equal((id, 12_500L), (fetched["id"]!.GetValue<string>(), fetched["storedValue"]!["minorUnits"]!.GetValue<long>()));
        Assert.Null(othersWallet);
        Assert.NotEqual(id, othersOwn);
    }
}

public sealed class EmbeddedWalletsQueryTests() : WalletsQueryTests(StoreMode.Embedded);

public sealed class MariaDbWalletsQueryTests() : WalletsQueryTests(StoreMode.MariaDbRedis);
