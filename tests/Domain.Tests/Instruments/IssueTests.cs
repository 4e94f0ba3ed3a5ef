using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Tests.Support;

namespace CodeScan.Domain.Tests.Instruments;

public sealed class IssueTests
{
    private readonly MerchantId _merchant = MerchantId.New();
    private readonly UserId _customer = UserId.New();

    [Fact]
    public void CardIssue_CopiesTheProductsTermsAndStartsItsDaysAtIssue()
    {
        var product = CardProduct.DefineTimesCard(_merchant, "CNY", "10 haircuts", 30_000, 10, Validity.Create(30, null, null).AssertSuccess(), TestClock.Now).AssertSuccess();
        var staff = UserId.New();

        var card = Card.Issue(product, _customer, IssueSource.Counter, null, staff, TestClock.Now.AddDays(1));

        Assert.Equal((CardKind.TimesCard, 10, "10 haircuts"), (card.Kind, card.UsesGranted!.Value, card.Name));
        Assert.Equal((TestClock.Now.AddDays(1), TestClock.Now.AddDays(31)), (card.ValidFrom, card.ExpiresAt));
        Assert.Equal((IssueSource.Counter, staff), (card.Source, card.IssuedBy!.Value));
        Assert.IsType<CardIssued>(Assert.Single(card.DomainEvents));
    }

    [Fact]
    public void CouponIssue_WithAFixedWindow_UsesTheWindowAndKeepsTheTermsItWasIssuedWith()
    {
        var window = Validity.Create(null, TestClock.Now.AddDays(2), TestClock.Now.AddDays(9)).AssertSuccess();
        var terms = CouponTerms.Create(CouponKind.Threshold, 1_500, null, null, 10_000, null).AssertSuccess();
        var template = CouponTemplate.Define(_merchant, "CNY", "100 off 15", terms, 0, window, 10, 1, TestClock.Now).AssertSuccess();
        var order = Guid.NewGuid();

        var coupon = Coupon.Issue(template, _customer, IssueSource.PaidOrder, order, null, TestClock.Now);

        Assert.Equal(terms, coupon.Terms);
        Assert.Equal((TestClock.Now.AddDays(2), TestClock.Now.AddDays(9)), (coupon.ValidFrom, coupon.ExpiresAt));
        Assert.Equal((CouponStatus.Available, order), (coupon.Status, coupon.OrderId!.Value));
        Assert.False(coupon.IsExpiredAt(TestClock.Now.AddDays(8)));
        Assert.True(coupon.IsExpiredAt(TestClock.Now.AddDays(9)));
    }
}
