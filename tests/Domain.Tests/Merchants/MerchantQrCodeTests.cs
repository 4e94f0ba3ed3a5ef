using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Tests.Builders;
using CodeScan.Domain.Tests.Support;

namespace CodeScan.Domain.Tests.Merchants;

public sealed class MerchantQrCodeTests
{
    [Fact]
    public void Approve_WhenPending_IssuesQrVersion1()
    {
        var merchant = new MerchantBuilder().Build();

        Assert.Equal(1, merchant.QrVersion);
        Assert.Equal(MerchantBuilder.DefaultCode, merchant.Code);
    }

    [Fact]
    public void RotateQrCode_WhenApproved_IncrementsTheVersionAndRecordsWhoRotated()
    {
        var ownerId = UserId.New();
        var merchant = new MerchantBuilder().OwnedBy(ownerId).Build();
        merchant.ClearDomainEvents();

        var first = merchant.RotateQrCode(ownerId, TestClock.Now).AssertSuccess();
        var second = merchant.RotateQrCode(ownerId, TestClock.Now).AssertSuccess();

        Assert.Equal(2, first);
        Assert.Equal(3, second);
        Assert.Equal(3, merchant.QrVersion);
        Assert.Equal(MerchantBuilder.DefaultCode, merchant.Code);
        Assert.Equal(
            [new MerchantQrCodeRotated(merchant.Id, 2, ownerId, TestClock.Now), new MerchantQrCodeRotated(merchant.Id, 3, ownerId, TestClock.Now)],
            merchant.DomainEvents.Cast<MerchantQrCodeRotated>());
    }

    [Fact]
    public void RotateQrCode_WhenSuspended_StillRotatesSoAReinstatedMerchantPrintsAFreshCode()
    {
        var ownerId = UserId.New();
        var merchant = new MerchantBuilder().OwnedBy(ownerId).Build();
        merchant.Suspend(UserId.New(), "Complaints", TestClock.Now).AssertSuccess();

        Assert.Equal(2, merchant.RotateQrCode(ownerId, TestClock.Now).AssertSuccess());
    }

    [Fact]
    public void RotateQrCode_WhenPendingReview_IsRefusedWithMerchantNotApproved()
    {
        var ownerId = UserId.New();
        var merchant = new MerchantBuilder().OwnedBy(ownerId).PendingReview().Build();
        merchant.ClearDomainEvents();

        var rotated = merchant.RotateQrCode(ownerId, TestClock.Now);

        rotated.AssertFailure(ErrorCode.MerchantNotApproved, null);
        Assert.Equal(0, merchant.QrVersion);
        Assert.Empty(merchant.DomainEvents);
    }
}
