using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Tests.Support;

using static CodeScan.Domain.Tests.Redemptions.Holdings;

namespace CodeScan.Domain.Tests.Instruments;

public sealed class InstrumentUseTests
{
    private readonly MerchantId _merchant = MerchantId.New();
    private readonly UserId _customer = UserId.New();

    [Fact]
    public void CardRestore_MoreUsesThanTaken_Throws()
    {
        var card = TimesCard(_merchant, _customer, uses: 10);
        card.Use(2, TestClock.Now).AssertSuccess();

        Assert.Throws<InvalidOperationException>(() => card.Restore(3));
        Assert.Equal(2, card.UsesUsed);
    }

    [Fact]
    public void CardUse_ForAGivenAwayCard_RecognisesNothing()
    {
        var card = TimesCard(_merchant, _customer, uses: 3, amountPaid: 0);

        Assert.Equal(0, card.Use(3, TestClock.Now).AssertSuccess());
    }

    [Fact]
    public void CardIsActiveMembershipAt_HoldsFromIssueUntilJustBeforeExpiry()
    {
        var card = MembershipCard(_merchant, _customer);

        Assert.True(card.IsActiveMembershipAt(TestClock.Now));
        Assert.True(card.IsActiveMembershipAt(card.ExpiresAt.AddTicks(-1)));
        Assert.False(card.IsActiveMembershipAt(card.ExpiresAt));
        Assert.False(card.IsActiveMembershipAt(TestClock.Now.AddTicks(-1)));
    }

    [Fact]
    public void CouponTryRestore_ForAnotherRedemption_LeavesItUsed()
    {
        var coupon = CouponWith(CashOff(300), _merchant, _customer);
        var usedBy = Guid.NewGuid();
        coupon.Use(usedBy, TestClock.Now).AssertSuccess();

        Assert.False(coupon.TryRestore(Guid.NewGuid(), TestClock.Now));
        Assert.Equal((CouponStatus.Used, usedBy), (coupon.Status, coupon.UsedBy!.Value));
    }

    [Fact]
    public void CouponTryRestore_WhenNotUsed_ReturnsFalse()
    {
        var coupon = CouponWith(CashOff(300), _merchant, _customer);

        Assert.False(coupon.TryRestore(Guid.NewGuid(), TestClock.Now));
    }

    [Fact]
    public void CouponUse_ReturnsWhatTheCustomerPaidForIt()
    {
        var coupon = CouponWith(CashOff(300), _merchant, _customer, amountPaid: 990);

        Assert.Equal(990, coupon.Use(Guid.NewGuid(), TestClock.Now).AssertSuccess());
    }
}
