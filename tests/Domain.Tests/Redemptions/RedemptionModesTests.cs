using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Redemptions;
using CodeScan.Domain.Tests.Builders;
using CodeScan.Domain.Tests.Support;
using CodeScan.Domain.Wallets;

using static CodeScan.Domain.Tests.Redemptions.Holdings;

namespace CodeScan.Domain.Tests.Redemptions;

public sealed class RedemptionModesTests
{
    private static readonly StoredValueBalance Rich = new(100_000, 0);
    private static readonly StoredValueBalance Empty = new(0, 0);

    private readonly Merchant _merchant = new MerchantBuilder().Build();
    private readonly UserId _customerId = UserId.New();

    [Fact]
    public void StoredValue_WithActiveMembershipCard_RecordsTheDiscountAndTheCard()
    {
        var membership = MembershipCard(_merchant.Id, _customerId, 8_800);

        var redemption = Decide(StoredValue(999), membership: membership, balance: Rich).AssertSuccess();

        Assert.Equal((999L, 120L, 879L, 0L), (redemption.Amount, redemption.MembershipDiscount, redemption.FromPrincipal, redemption.PaidOutside));
        Assert.Equal(membership.Id, redemption.MembershipCardId);
        Assert.Null(redemption.CouponId);
    }

    [Fact]
    public void StoredValue_WithExpiredMembershipCard_ChargesTheWholeBill()
    {
        var membership = MembershipCard(_merchant.Id, _customerId, 8_800);

        var redemption = Decide(StoredValue(999), membership: membership, balance: Rich, now: Holdings.ExpiresAt).AssertSuccess();

        Assert.Equal((0L, 999L), (redemption.MembershipDiscount, redemption.FromPrincipal));
        Assert.Null(redemption.MembershipCardId);
    }

    [Fact]
    public void StoredValue_WithMembershipCardJustBeforeExpiry_StillGivesTheDiscount()
    {
        var membership = MembershipCard(_merchant.Id, _customerId, 8_800);

        var redemption = Decide(StoredValue(999), membership: membership, balance: Rich, now: Holdings.ExpiresAt.AddTicks(-1)).AssertSuccess();

        Assert.Equal(120, redemption.MembershipDiscount);
    }

    [Fact]
    public void StoredValue_WithTimesCardPassedAsMembership_GivesNoDiscount()
    {
        var timesCard = TimesCard(_merchant.Id, _customerId);

        var redemption = Decide(StoredValue(999), membership: timesCard, balance: Rich).AssertSuccess();

        Assert.Equal((0L, 999L), (redemption.MembershipDiscount, redemption.FromPrincipal));
        Assert.Null(redemption.MembershipCardId);
    }

    [Fact]
    public void StoredValue_WhenACouponIsPassed_LeavesItUnused()
    {
        var coupon = CouponWith(CashOff(300), _merchant.Id, _customerId);

        var redemption = Decide(StoredValue(1_000), coupon: coupon, balance: Rich).AssertSuccess();

        Assert.Equal((0L, 1_000L), (redemption.CouponDiscount, redemption.FromPrincipal));
        Assert.Null(redemption.CouponId);
        Assert.Equal(CouponStatus.Available, coupon.Status);
    }

    [Fact]
    public void TimesCard_TakesTheUsesAndPaysNoMoney()
    {
        var card = TimesCard(_merchant.Id, _customerId, uses: 10);

        var redemption = Decide(WithTimesCard(3), timesCard: card).AssertSuccess();

        Assert.Equal((card.Id, 3), (redemption.TimesCardId!.Value, redemption.Uses));
        Assert.Equal((3, 7), (card.UsesUsed, card.UsesLeft!.Value));
        Assert.Equal((0L, 0L, 0L, 0L), (redemption.Amount, redemption.FromPrincipal, redemption.FromBonus, redemption.PaidOutside));
    }

    [Fact]
    public void TimesCard_WhenUsingTheLastUses_Succeeds()
    {
        var card = TimesCard(_merchant.Id, _customerId, uses: 3);

        Decide(WithTimesCard(3), timesCard: card).AssertSuccess();

        Assert.Equal(0, card.UsesLeft);
    }

    [Fact]
    public void TimesCard_WhenMoreUsesThanLeft_ReturnsUsesExhaustedAndTakesNone()
    {
        var card = TimesCard(_merchant.Id, _customerId, uses: 3);
        Decide(WithTimesCard(2), timesCard: card).AssertSuccess();

        Decide(WithTimesCard(2), timesCard: card).AssertFailure(ErrorCode.UsesExhausted, "uses");

        Assert.Equal(1, card.UsesLeft);
    }

    [Fact]
    public void TimesCard_WhenAllUsesTaken_ReturnsUsesExhausted()
    {
        var card = TimesCard(_merchant.Id, _customerId, uses: 1);
        Decide(WithTimesCard(1), timesCard: card).AssertSuccess();

        Decide(WithTimesCard(1), timesCard: card).AssertFailure(ErrorCode.UsesExhausted, "uses");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void TimesCard_WhenUsesNotPositive_ReturnsUsesExhausted(int uses)
    {
        var card = TimesCard(_merchant.Id, _customerId, uses: 3);

        Decide(WithTimesCard(uses), timesCard: card).AssertFailure(ErrorCode.UsesExhausted, "uses");

        Assert.Equal(3, card.UsesLeft);
    }

    [Fact]
    public void TimesCard_AtItsExpiry_ReturnsCardExpired()
    {
        var card = TimesCard(_merchant.Id, _customerId);

        Decide(WithTimesCard(1), timesCard: card, now: Holdings.ExpiresAt).AssertFailure(ErrorCode.CardExpired, "timesCardId");

        Assert.Equal(0, card.UsesUsed);
    }

    [Fact]
    public void TimesCard_BeforeItsWindowOpens_ReturnsNotYetValid()
    {
        var card = TimesCard(_merchant.Id, _customerId, validity: Window(TimeSpan.FromDays(2), TimeSpan.FromDays(9)));

        Decide(WithTimesCard(1), timesCard: card).AssertFailure(ErrorCode.NotYetValid, "timesCardId");
    }

    [Fact]
    public void TimesCard_WithMembershipCard_ReturnsInvalidInput()
    {
        var membership = MembershipCard(_merchant.Id, _customerId);

        Decide(WithTimesCard(1), timesCard: membership).AssertFailure(ErrorCode.InvalidInput, "timesCardId");
    }

    [Fact]
    public void TimesCard_WithoutACard_ReturnsInvalidInput()
    {
        Decide(WithTimesCard(1)).AssertFailure(ErrorCode.InvalidInput, "timesCardId");
    }

    [Fact]
    public void TimesCard_UseByUse_RecognisesThePriceWithTheRoundingOnTheLastUse()
    {
        var card = TimesCard(_merchant.Id, _customerId, uses: 3, amountPaid: 1_000);

        var recognised = Enumerable.Range(0, 3).Select(_ => Decide(WithTimesCard(1), timesCard: card).AssertSuccess().RevenueRecognised).ToList();

        Assert.Equal([333L, 333L, 334L], recognised);
        Assert.Equal(1_000, recognised.Sum());
    }

    [Fact]
    public void TimesCard_WhenMerchantNotApproved_ReturnsMerchantNotApprovedAndTakesNoUses()
    {
        var pending = new MerchantBuilder().PendingReview().Build();
        var card = TimesCard(pending.Id, _customerId);

        Decide(WithTimesCard(1), timesCard: card, merchant: pending).AssertFailure(ErrorCode.MerchantNotApproved, "merchantId");

        Assert.Equal(0, card.UsesUsed);
    }

    [Fact]
    public void Coupon_WhenUsed_MarksItUsedByTheRedemptionAndRecognisesItsPrice()
    {
        var coupon = CouponWith(CashOff(300), _merchant.Id, _customerId, amountPaid: 500);

        var redemption = Decide(WithCoupon(1_000), coupon: coupon, balance: Rich).AssertSuccess();

        Assert.Equal((1_000L, 300L, 700L, 500L), (redemption.Amount, redemption.CouponDiscount, redemption.FromPrincipal, redemption.RevenueRecognised));
        Assert.Equal(coupon.Id, redemption.CouponId);
        Assert.Equal(CouponStatus.Used, coupon.Status);
        Assert.Equal(redemption.Id, coupon.UsedBy);
        Assert.Equal(TestClock.Now, coupon.UsedAt);
    }

    [Fact]
    public void Coupon_WithMembership_TakesTheMembershipDiscountFirst()
    {
        var membership = MembershipCard(_merchant.Id, _customerId, 8_000);
        var coupon = CouponWith(PercentOff(50, 10_000), _merchant.Id, _customerId);

        var redemption = Decide(WithCoupon(1_000), membership: membership, coupon: coupon, balance: Rich).AssertSuccess();

        Assert.Equal((200L, 400L, 400L), (redemption.MembershipDiscount, redemption.CouponDiscount, redemption.FromPrincipal));
        Assert.Equal(membership.Id, redemption.MembershipCardId);
    }

    [Fact]
    public void Coupon_WithRestOutside_RecordsItAndTakesNoStoredValue()
    {
        var coupon = CouponWith(CashOff(300), _merchant.Id, _customerId);

        var redemption = Decide(WithCoupon(1_000, RestPayment.Outside), coupon: coupon, balance: Empty).AssertSuccess();

        Assert.Equal((0L, 0L, 700L), (redemption.FromPrincipal, redemption.FromBonus, redemption.PaidOutside));
        Assert.Empty(redemption.Transfers());
    }

    [Fact]
    public void Coupon_UsedTwice_ReturnsCouponAlreadyUsed()
    {
        var coupon = CouponWith(CashOff(300), _merchant.Id, _customerId);
        var first = Decide(WithCoupon(1_000), coupon: coupon, balance: Rich).AssertSuccess();

        Decide(WithCoupon(1_000), coupon: coupon, balance: Rich).AssertFailure(ErrorCode.CouponAlreadyUsed, "couponId");

        Assert.Equal(first.Id, coupon.UsedBy);
    }

    [Fact]
    public void Coupon_AtItsExpiry_ReturnsCouponExpiredAndStaysAvailable()
    {
        var coupon = CouponWith(CashOff(300), _merchant.Id, _customerId);

        Decide(WithCoupon(1_000), coupon: coupon, balance: Rich, now: Holdings.ExpiresAt).AssertFailure(ErrorCode.CouponExpired, "couponId");

        Assert.Equal(CouponStatus.Available, coupon.Status);
    }

    [Fact]
    public void Coupon_BeforeItsWindowOpens_ReturnsNotYetValid()
    {
        var coupon = CouponWith(CashOff(300), _merchant.Id, _customerId, validity: Window(TimeSpan.FromDays(2), TimeSpan.FromDays(9)));

        Decide(WithCoupon(1_000), coupon: coupon, balance: Rich).AssertFailure(ErrorCode.NotYetValid, "couponId");

        Assert.Equal(CouponStatus.Available, coupon.Status);
    }

    [Fact]
    public void Coupon_GiftWithNothingToPay_IsHonoured()
    {
        var coupon = CouponWith(Gift(), _merchant.Id, _customerId, amountPaid: 800);

        var redemption = Decide(WithCoupon(0), coupon: coupon, balance: Empty).AssertSuccess();

        Assert.Equal(new PriceBreakdown(0, 0, 0, 0, 0, 0), redemption.Breakdown);
        Assert.Equal(CouponStatus.Used, coupon.Status);
        Assert.Equal(800, redemption.RevenueRecognised);
        var transfer = Assert.Single(redemption.Transfers());
        Assert.Equal((TransferKind.RevenueRecognised, 800L), (transfer.Kind, transfer.Amount));
    }

    [Fact]
    public void Coupon_NonGiftWithNothingToPay_ReturnsAmountOutOfRangeAndStaysAvailable()
    {
        var coupon = CouponWith(CashOff(300), _merchant.Id, _customerId);

        Decide(WithCoupon(0), coupon: coupon, balance: Rich).AssertFailure(ErrorCode.AmountOutOfRange, "amount");

        Assert.Equal(CouponStatus.Available, coupon.Status);
    }

    [Fact]
    public void Coupon_WhenThresholdNotMet_ReturnsCouponThresholdNotMetAndStaysAvailable()
    {
        var coupon = CouponWith(Threshold(10_000, 1_500), _merchant.Id, _customerId);

        Decide(WithCoupon(9_999), coupon: coupon, balance: Rich).AssertFailure(ErrorCode.CouponThresholdNotMet, "couponId");

        Assert.Equal(CouponStatus.Available, coupon.Status);
    }

    [Fact]
    public void Coupon_WhenStoredValueDoesNotCoverTheRest_ReturnsInsufficientBalanceAndStaysAvailable()
    {
        var coupon = CouponWith(CashOff(300), _merchant.Id, _customerId);

        Decide(WithCoupon(1_000), coupon: coupon, balance: new StoredValueBalance(500, 199)).AssertFailure(ErrorCode.InsufficientBalance, "amount");

        Assert.Equal(CouponStatus.Available, coupon.Status);
    }

    [Fact]
    public void Coupon_WithoutACoupon_ReturnsInvalidInput()
    {
        Decide(WithCoupon(1_000), balance: Rich).AssertFailure(ErrorCode.InvalidInput, "couponId");
    }

    [Fact]
    public void Coupon_WhenMerchantNotApproved_ReturnsMerchantNotApprovedAndStaysAvailable()
    {
        var pending = new MerchantBuilder().PendingReview().Build();
        var coupon = CouponWith(CashOff(300), pending.Id, _customerId);

        Decide(WithCoupon(1_000), coupon: coupon, balance: Rich, merchant: pending).AssertFailure(ErrorCode.MerchantNotApproved, "merchantId");

        Assert.Equal(CouponStatus.Available, coupon.Status);
    }

    [Fact]
    public void Transfers_ForACouponPaidFromBothPots_MoveStoredValueAndDeferredRevenueToSales()
    {
        var coupon = CouponWith(CashOff(300), _merchant.Id, _customerId, amountPaid: 500);
        var redemption = Decide(WithCoupon(1_000), coupon: coupon, balance: new StoredValueBalance(400, 1_000)).AssertSuccess();
        var sales = LedgerAccount.IdFor(AccountKind.MerchantSales, _merchant.Id, null);

        var transfers = redemption.Transfers();

        Assert.Equal(
            [
                (LedgerAccount.IdFor(AccountKind.CustomerPrincipal, _merchant.Id, _customerId), TransferKind.RedeemPrincipal, 400L),
                (LedgerAccount.IdFor(AccountKind.CustomerBonus, _merchant.Id, _customerId), TransferKind.RedeemBonus, 300L),
                (LedgerAccount.IdFor(AccountKind.MerchantDeferredRevenue, _merchant.Id, null), TransferKind.RevenueRecognised, 500L),
            ],
            transfers.Select(t => (t.DebitAccountId, t.Kind, t.Amount)));
        Assert.All(transfers, t => Assert.Equal((sales, redemption.Id, "CNY"), (t.CreditAccountId, t.ReferenceId, t.Currency)));
        Assert.Equal(redemption.FromPrincipal + redemption.FromBonus + redemption.RevenueRecognised, transfers.Sum(t => t.Amount));
    }

    [Fact]
    public void Transfers_ForATimesCard_RecogniseOnlyDeferredRevenue()
    {
        var card = TimesCard(_merchant.Id, _customerId, uses: 10, amountPaid: 30_000);
        var redemption = Decide(WithTimesCard(2), timesCard: card).AssertSuccess();

        var transfer = Assert.Single(redemption.Transfers());

        Assert.Equal(LedgerAccount.IdFor(AccountKind.MerchantDeferredRevenue, _merchant.Id, null), transfer.DebitAccountId);
        Assert.Equal(LedgerAccount.IdFor(AccountKind.MerchantSales, _merchant.Id, null), transfer.CreditAccountId);
        Assert.Equal((TransferKind.RevenueRecognised, 6_000L), (transfer.Kind, transfer.Amount));
    }

    [Fact]
    public void Transfers_ForAGivenAwayTimesCard_MoveNothing()
    {
        var card = TimesCard(_merchant.Id, _customerId, uses: 10, amountPaid: 0);

        var redemption = Decide(WithTimesCard(2), timesCard: card).AssertSuccess();

        Assert.Empty(redemption.Transfers());
    }

    [Fact]
    public void Complete_ForACouponWithMembership_RecordsRedeemedWithTheFullBreakdown()
    {
        var membership = MembershipCard(_merchant.Id, _customerId, 9_000);
        var coupon = CouponWith(CashOff(100), _merchant.Id, _customerId);
        var staff = UserId.New();
        var request = new RedemptionRequest(_customerId, RedemptionMode.Coupon, 1_000, 1, RestPayment.StoredValue, RedemptionChannel.StaffWriteOff, staff);
        var redemption = Decide(request, membership: membership, coupon: coupon, balance: new StoredValueBalance(500, 1_000)).AssertSuccess();

        redemption.Complete("138****5678", new StoredValueBalance(0, 700), "Coupon", null);

        var redeemed = Assert.IsType<Redeemed>(Assert.Single(redemption.DomainEvents));
        Assert.Equal(
            new Redeemed(
                redemption.Id, _merchant.Id, _customerId, "138****5678", RedemptionMode.Coupon, RedemptionChannel.StaffWriteOff, staff,
                1_000, membership.Id, 100, coupon.Id, 100, null, 0, null, "Coupon", 500, 300, 0, "CNY", 0, 700, TestClock.Now),
            redeemed);
        Assert.Equal(800, redeemed.FromStoredValue);
    }

    [Fact]
    public void Complete_ForATimesCard_RecordsTheUsesAndWhatIsLeft()
    {
        var card = TimesCard(_merchant.Id, _customerId, uses: 10);
        var redemption = Decide(WithTimesCard(3), timesCard: card).AssertSuccess();

        redemption.Complete("138****5678", Rich, card.Name, card.UsesLeft);

        var redeemed = Assert.IsType<Redeemed>(Assert.Single(redemption.DomainEvents));
        Assert.Equal((card.Id, 3, 7), (redeemed.TimesCardId!.Value, redeemed.Uses, redeemed.UsesLeft!.Value));
        Assert.Equal((0L, 0L, RedemptionMode.TimesCard), (redeemed.Amount, redeemed.FromStoredValue, redeemed.Mode));
    }

    private RedemptionRequest StoredValue(long bill) =>
        new(_customerId, RedemptionMode.StoredValue, bill, 1, RestPayment.StoredValue, RedemptionChannel.CustomerScan, _customerId);

    private RedemptionRequest WithTimesCard(int uses) =>
        new(_customerId, RedemptionMode.TimesCard, 0, uses, RestPayment.StoredValue, RedemptionChannel.CustomerScan, _customerId);

    private RedemptionRequest WithCoupon(long bill, RestPayment rest = RestPayment.StoredValue) =>
        new(_customerId, RedemptionMode.Coupon, bill, 1, rest, RedemptionChannel.CustomerScan, _customerId);

    private Result<Redemption> Decide(
        RedemptionRequest request, Card? membership = null, Coupon? coupon = null, Card? timesCard = null, StoredValueBalance balance = default, DateTimeOffset? now = null, Merchant? merchant = null) =>
        Redemption.Decide(request, (merchant ?? _merchant).Terms, membership, coupon, timesCard, balance, now ?? TestClock.Now);
}
