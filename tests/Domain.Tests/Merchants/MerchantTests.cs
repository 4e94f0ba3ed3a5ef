using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Tests.Builders;
using CodeScan.Domain.Tests.Support;

namespace CodeScan.Domain.Tests.Merchants;

public sealed class MerchantTests
{
    private static readonly MerchantProfile Profile = ProfileInput.Valid.Create().AssertSuccess();

    [Fact]
    public void Register_WhenProfileValid_IsPendingReviewWithoutCode()
    {
        var ownerId = UserId.New();

        var merchant = Merchant.Register(Profile, ownerId, TestClock.Now);

        Assert.Equal(MerchantStatus.PendingReview, merchant.Status);
        Assert.Null(merchant.Code);
        Assert.Same(Profile, merchant.Profile);
        Assert.Equal(ownerId, merchant.OwnerId);
        Assert.Equal(TestClock.Now, merchant.AppliedAt);
        Assert.Null(merchant.ReviewedAt);
        Assert.Null(merchant.ReviewedBy);
        Assert.Equal(0, merchant.Version);
        Assert.False(merchant.CanTrade);
    }

    [Fact]
    public void Register_WhenProfileValid_RecordsMerchantRegistered()
    {
        var ownerId = UserId.New();

        var merchant = Merchant.Register(Profile, ownerId, TestClock.Now);

        var registered = Assert.IsType<MerchantRegistered>(Assert.Single(merchant.DomainEvents));
        Assert.Equal(
            new MerchantRegistered(merchant.Id, ownerId, "Lucky Noodles", "Restaurant", "zh-CN", "CNY", TestClock.Now),
            registered);
        Assert.Equal(merchant.Id.ToString(), registered.StreamId);
    }

    [Fact]
    public void Register_WhenCalledTwice_GivesEachMerchantItsOwnId()
    {
        var first = Merchant.Register(Profile, UserId.New(), TestClock.Now);
        var second = Merchant.Register(Profile, UserId.New(), TestClock.Now);

        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public void Currency_WhenProfileTradesInJpy_IsJpy()
    {
        var merchant = new MerchantBuilder().TradingIn("JPY").Build();

        Assert.Equal("JPY", merchant.Currency);
    }

    [Fact]
    public void Approve_WhenPendingReview_ApprovesWithTheCode()
    {
        var merchant = Merchant.Register(Profile, UserId.New(), TestClock.Now);
        var adminId = UserId.New();
        var reviewedAt = TestClock.Now.AddHours(2);

        var approved = merchant.Approve(adminId, MerchantBuilder.DefaultCode, reviewedAt).AssertSuccess();

        Assert.Equal(MerchantBuilder.DefaultCode, approved);
        Assert.Equal(MerchantStatus.Approved, merchant.Status);
        Assert.Equal(MerchantBuilder.DefaultCode, merchant.Code);
        Assert.Equal(reviewedAt, merchant.ReviewedAt);
        Assert.Equal(adminId, merchant.ReviewedBy);
        Assert.Equal(1, merchant.Version);
        Assert.True(merchant.CanTrade);
    }

    [Fact]
    public void Approve_WhenPendingReview_RecordsMerchantApproved()
    {
        var merchant = Merchant.Register(Profile, UserId.New(), TestClock.Now);
        merchant.ClearDomainEvents();
        var adminId = UserId.New();

        merchant.Approve(adminId, MerchantBuilder.DefaultCode, TestClock.Now).AssertSuccess();

        var approved = Assert.IsType<MerchantApproved>(Assert.Single(merchant.DomainEvents));
        Assert.Equal(new MerchantApproved(merchant.Id, "M23456789", adminId, TestClock.Now), approved);
        Assert.Equal(merchant.Id.ToString(), approved.StreamId);
    }

    [Fact]
    public void Approve_WhenAlreadyApproved_ReturnsInvalidStateTransitionAndChangesNothing()
    {
        var firstAdmin = UserId.New();
        var merchant = Merchant.Register(Profile, UserId.New(), TestClock.Now);
        merchant.Approve(firstAdmin, MerchantBuilder.DefaultCode, TestClock.Now).AssertSuccess();
        var otherCode = MerchantCode.Parse("MZZZZZZZZ").AssertSuccess();

        merchant.Approve(UserId.New(), otherCode, TestClock.Now.AddDays(1))
            .AssertFailure(ErrorCode.InvalidStateTransition, null);

        Assert.Equal(MerchantStatus.Approved, merchant.Status);
        Assert.Equal(MerchantBuilder.DefaultCode, merchant.Code);
        Assert.Equal(firstAdmin, merchant.ReviewedBy);
        Assert.Equal(TestClock.Now, merchant.ReviewedAt);
        Assert.Equal(1, merchant.Version);
        Assert.Single(merchant.DomainEvents.OfType<MerchantApproved>());
    }

    [Fact]
    public void CanTrade_WhenPendingReview_IsFalse()
    {
        Assert.False(new MerchantBuilder().PendingReview().Build().CanTrade);
    }

    [Fact]
    public void CanTrade_WhenApproved_IsTrue()
    {
        Assert.True(new MerchantBuilder().Build().CanTrade);
    }

    [Fact]
    public void IsStaff_WhenOwner_IsTrueAndOtherwiseFalse()
    {
        var ownerId = UserId.New();
        var merchant = new MerchantBuilder().OwnedBy(ownerId).Build();

        Assert.True(merchant.IsStaff(ownerId));
        Assert.False(merchant.IsStaff(UserId.New()));
    }

    [Fact]
    public void ClearDomainEvents_WhenEventsRecorded_LeavesNone()
    {
        var merchant = new MerchantBuilder().Build();
        Assert.Equal(2, merchant.DomainEvents.Count);

        merchant.ClearDomainEvents();

        Assert.Empty(merchant.DomainEvents);
    }
}
