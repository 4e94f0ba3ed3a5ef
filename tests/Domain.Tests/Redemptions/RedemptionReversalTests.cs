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

public sealed class RedemptionReversalTests
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);
    private static readonly DateTimeOffset Later = TestClock.Now.AddHours(1);

    private readonly Merchant _merchant = new MerchantBuilder().Build();
    private readonly UserId _customerId = UserId.New();
    private readonly UserId _staff = UserId.New();

    [Fact]
    public void Reverse_InFull_RestoresExactlyWhatWasTakenFromEachPot()
    {
        var redemption = PaidFromStoredValue(1_000, new StoredValueBalance(400, 1_000));

        var reversal = Reverse(redemption).AssertSuccess();

        Assert.Equal((400L, 600L, 1_000L), (reversal.PrincipalRestored, reversal.BonusRestored, reversal.StoredValueRestored));
        Assert.Equal((400L, 600L), (redemption.ReversedPrincipal, redemption.ReversedBonus));
        Assert.True(redemption.FullyReversed);
        Assert.Equal(0, redemption.StoredValueLeftToReverse);
    }

    [Fact]
    public void Reverse_InFull_RecordsWhoReversedWhatAndWhy()
    {
        var redemption = PaidFromStoredValue(1_000, new StoredValueBalance(1_000, 0));

        var reversal = Reverse(redemption).AssertSuccess();

        Assert.NotEqual(Guid.Empty, reversal.Id);
        Assert.NotEqual(redemption.Id, reversal.Id);
        Assert.Equal((redemption.Id, _merchant.Id, _customerId), (reversal.RedemptionId, reversal.MerchantId, reversal.CustomerId));
        Assert.Equal(("Wrong table", _staff, Later, RedemptionMode.StoredValue), (reversal.Reason, reversal.ReversedBy, reversal.CreatedAt, reversal.Mode));
    }

    [Fact]
    public void Reverse_InFullWithAValidCoupon_MakesTheCouponUsableAgainAndReversesItsRevenue()
    {
        var coupon = CouponWith(CashOff(300), _merchant.Id, _customerId, amountPaid: 500);
        var redemption = PaidWithCoupon(coupon, 1_000, new StoredValueBalance(400, 1_000));

        var reversal = Reverse(redemption, coupon: coupon).AssertSuccess();

        Assert.True(reversal.CouponRestored);
        Assert.Equal(coupon.Id, reversal.CouponId);
        Assert.Equal((CouponStatus.Available, null, null), (coupon.Status, coupon.UsedBy, coupon.UsedAt));
        Assert.Equal((400L, 300L, 500L), (reversal.PrincipalRestored, reversal.BonusRestored, reversal.RevenueReversed));
        Assert.True(coupon.IsUsableAt(Later));
    }

    [Fact]
    public void Reverse_InFullWithCouponPaidOutside_RestoresOnlyTheCoupon()
    {
        var coupon = CouponWith(CashOff(300), _merchant.Id, _customerId, amountPaid: 500);
        var redemption = PaidWithCoupon(coupon, 1_000, new StoredValueBalance(0, 0), RestPayment.Outside);

        var reversal = Reverse(redemption, coupon: coupon).AssertSuccess();

        Assert.Equal((0L, true, 500L), (reversal.StoredValueRestored, reversal.CouponRestored, reversal.RevenueReversed));
        Assert.Equal(CouponStatus.Available, coupon.Status);
        Assert.True(redemption.FullyReversed);
    }

    [Fact]
    public void Reverse_InFullAfterTheCouponExpired_LeavesItUsedAndItsRevenueRecognised()
    {
        var coupon = CouponWith(CashOff(300), _merchant.Id, _customerId, amountPaid: 500, validity: Holdings.Window(TimeSpan.Zero, TimeSpan.FromHours(1)));
        var redemption = PaidWithCoupon(coupon, 1_000, new StoredValueBalance(1_000, 0));

        var reversal = Reverse(redemption, coupon: coupon, now: coupon.ExpiresAt).AssertSuccess();

        Assert.False(reversal.CouponRestored);
        Assert.Equal((CouponStatus.Used, redemption.Id), (coupon.Status, coupon.UsedBy!.Value));
        Assert.Equal((700L, 0L), (reversal.StoredValueRestored, reversal.RevenueReversed));
        Assert.True(redemption.FullyReversed);
        Assert.DoesNotContain(reversal.Transfers(), t => t.Kind == TransferKind.RevenueReversed);
    }

    [Fact]
    public void Reverse_InPart_LeavesTheCouponUsedUntilEverythingIsBack()
    {
        var coupon = CouponWith(CashOff(300), _merchant.Id, _customerId, amountPaid: 500);
        var redemption = PaidWithCoupon(coupon, 1_000, new StoredValueBalance(1_000, 0));

        var part = Reverse(redemption, amount: 200, coupon: coupon).AssertSuccess();
        Assert.Equal((false, 0L), (part.CouponRestored, part.RevenueReversed));
        Assert.Equal(CouponStatus.Used, coupon.Status);

        var rest = Reverse(redemption, amount: 500, coupon: coupon).AssertSuccess();
        Assert.Equal((true, 500L), (rest.CouponRestored, rest.RevenueReversed));
        Assert.Equal(CouponStatus.Available, coupon.Status);
    }

    [Fact]
    public void Reverse_InFullForATimesCard_GivesTheUsesBack()
    {
        var card = TimesCard(_merchant.Id, _customerId, uses: 10, amountPaid: 30_000);
        var redemption = PaidWithTimesCard(card, 3);

        var reversal = Reverse(redemption, timesCard: card).AssertSuccess();

        Assert.Equal((3, card.Id, 9_000L), (reversal.UsesRestored, reversal.TimesCardId!.Value, reversal.RevenueReversed));
        Assert.Equal((0, 10), (card.UsesUsed, card.UsesLeft!.Value));
        Assert.Equal((0, true), (redemption.UsesLeftToReverse, redemption.FullyReversed));
    }

    [Fact]
    public void Reverse_WhenTheTimesCardHasExpiredSince_IsRefusedAndTheUsesStayTaken()
    {
        var card = TimesCard(_merchant.Id, _customerId, uses: 10, amountPaid: 30_000, validity: Holdings.Window(TimeSpan.FromDays(-1), TimeSpan.FromHours(1)));
        var redemption = PaidWithTimesCard(card, 3);

        Reverse(redemption, timesCard: card, now: TestClock.Now.AddHours(2)).AssertFailure(ErrorCode.CardExpired, "uses");

        Assert.Equal((3, 3, false), (card.UsesUsed, redemption.UsesLeftToReverse, redemption.FullyReversed));
    }

    [Fact]
    public void Reverse_InPart_GivesPrincipalBackFirstAndNeverMoreBonusThanTaken()
    {
        var redemption = PaidFromStoredValue(1_000, new StoredValueBalance(400, 1_000));

        var first = Reverse(redemption, amount: 300).AssertSuccess();
        Assert.Equal((300L, 0L), (first.PrincipalRestored, first.BonusRestored));

        var second = Reverse(redemption, amount: 300).AssertSuccess();
        Assert.Equal((100L, 200L), (second.PrincipalRestored, second.BonusRestored));

        var third = Reverse(redemption, amount: 400).AssertSuccess();
        Assert.Equal((0L, 400L), (third.PrincipalRestored, third.BonusRestored));

        Assert.Equal((400L, 600L), (redemption.ReversedPrincipal, redemption.ReversedBonus));
        Assert.True(redemption.FullyReversed);
    }

    [Fact]
    public void Reverse_InFullAfterAPart_GivesBackExactlyTheRest()
    {
        var redemption = PaidFromStoredValue(1_000, new StoredValueBalance(400, 1_000));
        Reverse(redemption, amount: 500).AssertSuccess();

        var rest = Reverse(redemption).AssertSuccess();

        Assert.Equal((0L, 500L), (rest.PrincipalRestored, rest.BonusRestored));
        Assert.True(redemption.FullyReversed);
    }

    [Fact]
    public void Reverse_InPartForATimesCard_GivesBackOnlyThoseUses()
    {
        var card = TimesCard(_merchant.Id, _customerId, uses: 10);
        var redemption = PaidWithTimesCard(card, 3);

        var reversal = Reverse(redemption, uses: 1, timesCard: card).AssertSuccess();

        Assert.Equal((1, 2, 8), (reversal.UsesRestored, redemption.UsesLeftToReverse, card.UsesLeft!.Value));
        Assert.False(redemption.FullyReversed);
    }

    [Fact]
    public void Reverse_MoreThanIsLeft_ReturnsReversalExceedsRemainingAndGivesNothingBack()
    {
        var redemption = PaidFromStoredValue(1_000, new StoredValueBalance(1_000, 0));
        Reverse(redemption, amount: 600).AssertSuccess();

        Reverse(redemption, amount: 401).AssertFailure(ErrorCode.ReversalExceedsRemaining, "amount");

        Assert.Equal(400, redemption.StoredValueLeftToReverse);
    }

    [Fact]
    public void Reverse_MoreUsesThanAreLeft_ReturnsReversalExceedsRemaining()
    {
        var card = TimesCard(_merchant.Id, _customerId, uses: 10);
        var redemption = PaidWithTimesCard(card, 2);

        Reverse(redemption, uses: 3, timesCard: card).AssertFailure(ErrorCode.ReversalExceedsRemaining, "uses");

        Assert.Equal(2, card.UsesUsed);
    }

    [Fact]
    public void Reverse_UsesOfAStoredValuePayment_ReturnsReversalExceedsRemaining()
    {
        var redemption = PaidFromStoredValue(1_000, new StoredValueBalance(1_000, 0));

        Reverse(redemption, uses: 1).AssertFailure(ErrorCode.ReversalExceedsRemaining, "uses");
    }

    [Fact]
    public void Reverse_AfterEverythingWasReversed_ReturnsReversalExceedsRemaining()
    {
        var redemption = PaidFromStoredValue(1_000, new StoredValueBalance(1_000, 0));
        Reverse(redemption).AssertSuccess();

        Reverse(redemption).AssertFailure(ErrorCode.ReversalExceedsRemaining, "redemptionId");
        Reverse(redemption, amount: 1).AssertFailure(ErrorCode.ReversalExceedsRemaining, "amount");
    }

    [Fact]
    public void Reverse_ACouponPaidOutsideTwice_ReturnsReversalExceedsRemaining()
    {
        var coupon = CouponWith(CashOff(300), _merchant.Id, _customerId, amountPaid: 500);
        var redemption = PaidWithCoupon(coupon, 1_000, new StoredValueBalance(0, 0), RestPayment.Outside);
        Reverse(redemption, coupon: coupon).AssertSuccess();

        Reverse(redemption, coupon: coupon).AssertFailure(ErrorCode.ReversalExceedsRemaining, "redemptionId");
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void Reverse_WithAnAmountNotPositive_ReturnsInvalidInput(long amount)
    {
        var redemption = PaidFromStoredValue(1_000, new StoredValueBalance(1_000, 0));

        Reverse(redemption, amount: amount).AssertFailure(ErrorCode.InvalidInput, "amount");

        Assert.Equal(1_000, redemption.StoredValueLeftToReverse);
    }

    [Fact]
    public void Reverse_ExactlyWhenTheWindowEnds_Succeeds()
    {
        var redemption = PaidFromStoredValue(1_000, new StoredValueBalance(1_000, 0));

        Reverse(redemption, now: TestClock.Now + Window).AssertSuccess();
    }

    [Fact]
    public void Reverse_AfterTheWindow_ReturnsReversalWindowClosedAndGivesNothingBack()
    {
        var redemption = PaidFromStoredValue(1_000, new StoredValueBalance(1_000, 0));

        Reverse(redemption, now: TestClock.Now + Window + TimeSpan.FromTicks(1)).AssertFailure(ErrorCode.ReversalWindowClosed, "redemptionId");

        Assert.Equal((1_000L, false), (redemption.StoredValueLeftToReverse, redemption.FullyReversed));
    }

    [Fact]
    public void Reverse_TakesTheWindowItIsGiven()
    {
        var redemption = PaidFromStoredValue(1_000, new StoredValueBalance(1_000, 0));

        Reverse(redemption, now: TestClock.Now.AddHours(2), window: TimeSpan.FromHours(1)).AssertFailure(ErrorCode.ReversalWindowClosed, "redemptionId");
    }

    [Fact]
    public void Transfers_RunFromSalesBackToEachPotAndToDeferredRevenue()
    {
        var coupon = CouponWith(CashOff(300), _merchant.Id, _customerId, amountPaid: 500);
        var redemption = PaidWithCoupon(coupon, 1_000, new StoredValueBalance(400, 1_000));
        var reversal = Reverse(redemption, coupon: coupon).AssertSuccess();
        var sales = LedgerAccount.IdFor(AccountKind.MerchantSales, _merchant.Id, null);

        var transfers = reversal.Transfers();

        Assert.Equal(
            [
                (LedgerAccount.IdFor(AccountKind.CustomerPrincipal, _merchant.Id, _customerId), TransferKind.ReversePrincipal, 400L),
                (LedgerAccount.IdFor(AccountKind.CustomerBonus, _merchant.Id, _customerId), TransferKind.ReverseBonus, 300L),
                (LedgerAccount.IdFor(AccountKind.MerchantDeferredRevenue, _merchant.Id, null), TransferKind.RevenueReversed, 500L),
            ],
            transfers.Select(t => (t.CreditAccountId, t.Kind, t.Amount)));
        Assert.All(transfers, t => Assert.Equal((sales, reversal.Id, "CNY", Later), (t.DebitAccountId, t.ReferenceId, t.Currency, t.CreatedAt)));
    }

    [Fact]
    public void Transfers_ForAReversalOfRedemptionTransfers_MirrorThemExactly()
    {
        var coupon = CouponWith(CashOff(300), _merchant.Id, _customerId, amountPaid: 500);
        var redemption = PaidWithCoupon(coupon, 1_000, new StoredValueBalance(400, 1_000));
        var reversal = Reverse(redemption, coupon: coupon).AssertSuccess();

        var forward = redemption.Transfers().Select(t => (From: t.DebitAccountId, To: t.CreditAccountId, t.Amount));
        var backward = reversal.Transfers().Select(t => (From: t.CreditAccountId, To: t.DebitAccountId, t.Amount));

        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Transfers_ForAPartialReversal_MoveOnlyWhatCameBack()
    {
        var redemption = PaidFromStoredValue(1_000, new StoredValueBalance(400, 1_000));
        var reversal = Reverse(redemption, amount: 300).AssertSuccess();

        var transfer = Assert.Single(reversal.Transfers());

        Assert.Equal((TransferKind.ReversePrincipal, 300L), (transfer.Kind, transfer.Amount));
    }

    [Fact]
    public void Reverse_OneOfTwoUses_LeavesRecognisedWhatTheRemainingUseImplies()
    {
        var card = TimesCard(_merchant.Id, _customerId, uses: 3, amountPaid: 1_000);
        var redemption = PaidWithTimesCard(card, 2);

        var reversal = Reverse(redemption, uses: 1, timesCard: card).AssertSuccess();

        Assert.Equal(666, redemption.RevenueRecognised);
        Assert.Equal(333, reversal.RevenueReversed);
        Assert.Equal(1_000 * 1 / 3, redemption.RevenueRecognised - reversal.RevenueReversed);
    }

    [Fact]
    public void Reverse_ForManyCardsAndUses_LeavesRecognisedWhatTheUsesStillTakenImply()
    {
        long[] prices = [1, 999, 1_000, 30_000, 99_999];
        int[] granted = [1, 3, 7, 10];

        foreach (var price in prices)
        {
            foreach (var uses in granted)
            {
                var card = TimesCard(_merchant.Id, _customerId, uses: uses, amountPaid: price);
                var recognised = 0L;
                var redemptions = new List<Redemption>();
                for (var i = 0; i < uses; i++)
                {
                    var redemption = PaidWithTimesCard(card, 1);
                    redemptions.Add(redemption);
                    recognised += redemption.RevenueRecognised;
                }

                Assert.Equal(price, recognised);

                // Give back every other use, oldest first, and check the total after each.
                var taken = uses;
                foreach (var redemption in redemptions.Where((_, i) => i % 2 == 0))
                {
                    recognised -= Reverse(redemption, timesCard: card).AssertSuccess().RevenueReversed;
                    taken--;
                    Assert.True(price * taken / uses == recognised, $"price {price}, {uses} uses, {taken} still taken: recognised {recognised}");
                }
            }
        }
    }

    [Fact]
    public void Complete_RecordsRedemptionReversedWithBalancesAfter()
    {
        var card = TimesCard(_merchant.Id, _customerId, uses: 10);
        var redemption = PaidWithTimesCard(card, 2);
        var reversal = Reverse(redemption, timesCard: card).AssertSuccess();

        reversal.Complete("138****5678", new StoredValueBalance(100, 50), card.Name, card.UsesLeft);

        var reversed = Assert.IsType<RedemptionReversed>(Assert.Single(reversal.DomainEvents));
        Assert.Equal(
            new RedemptionReversed(
                reversal.Id, redemption.Id, _merchant.Id, _customerId, "138****5678", RedemptionMode.TimesCard, 0, 0, 2,
                card.Id, 10, null, false, card.Name, "Wrong table", _staff, "CNY", 100, 50, Later),
            reversed);
        Assert.Equal(reversal.Id.ToString(), reversed.StreamId);
    }

    private Redemption PaidFromStoredValue(long bill, StoredValueBalance balance) => Redemption.Decide(
        new RedemptionRequest(_customerId, RedemptionMode.StoredValue, bill, 1, RestPayment.StoredValue, RedemptionChannel.CustomerScan, _customerId),
        _merchant.Terms, null, null, null, balance, TestClock.Now).AssertSuccess();

    private Redemption PaidWithCoupon(Coupon coupon, long bill, StoredValueBalance balance, RestPayment rest = RestPayment.StoredValue) => Redemption.Decide(
        new RedemptionRequest(_customerId, RedemptionMode.Coupon, bill, 1, rest, RedemptionChannel.CustomerScan, _customerId),
        _merchant.Terms, null, coupon, null, balance, TestClock.Now).AssertSuccess();

    private Redemption PaidWithTimesCard(Card card, int uses) => Redemption.Decide(
        new RedemptionRequest(_customerId, RedemptionMode.TimesCard, 0, uses, RestPayment.StoredValue, RedemptionChannel.CustomerScan, _customerId),
        _merchant.Terms, null, null, card, default, TestClock.Now).AssertSuccess();

    private Result<RedemptionReversal> Reverse(
        Redemption redemption, long? amount = null, int? uses = null, Card? timesCard = null, Coupon? coupon = null, DateTimeOffset? now = null, TimeSpan? window = null) =>
        redemption.Reverse(amount, uses, "Wrong table", _staff, now ?? Later, window ?? Window, timesCard, coupon);
}
