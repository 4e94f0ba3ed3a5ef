using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Tests.Builders;
using CodeScan.Domain.Tests.Support;

namespace CodeScan.Domain.Tests.Merchants;

public sealed class MerchantReviewTests
{
    private static readonly UserId Admin = UserId.New();

    [Fact]
    public void Reject_WhenPending_RecordsTheReasonAndWhoDecided()
    {
        var merchant = new MerchantBuilder().PendingReview().Build();

        merchant.Reject(Admin, "  licence photo unreadable ", TestClock.Now).AssertSuccess();

        Assert.Equal(MerchantStatus.Rejected, merchant.Status);
        var decision = Assert.Single(merchant.Decisions);
        Assert.Equal((MerchantDecisionKind.Rejected, Admin, "licence photo unreadable"), (decision.Kind, decision.DecidedBy, decision.Reason));
        Assert.IsType<MerchantRejected>(merchant.DomainEvents[^1]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Reject_WhenReasonIsMissing_ReturnsInvalidInputAndChangesNothing(string? reason)
    {
        var merchant = new MerchantBuilder().PendingReview().Build();

        merchant.Reject(Admin, reason, TestClock.Now).AssertFailure(ErrorCode.InvalidInput, "reason");

        Assert.Equal(MerchantStatus.PendingReview, merchant.Status);
        Assert.Empty(merchant.Decisions);
    }

    [Fact]
    public void Reject_WhenReasonIsTooLong_ReturnsInvalidInput()
    {
        var merchant = new MerchantBuilder().PendingReview().Build();

        merchant.Reject(Admin, new string('x', Merchant.MaxReasonLength + 1), TestClock.Now).AssertFailure(ErrorCode.InvalidInput, "reason");
    }

    [Fact]
    public void Resubmit_WhenRejected_ReturnsToPendingReviewWithTheCorrectedProfile()
    {
        var owner = UserId.New();
        var merchant = new MerchantBuilder().PendingReview().OwnedBy(owner).Build();
        merchant.Reject(Admin, "wrong address", TestClock.Now).AssertSuccess();
        var corrected = (ProfileInput.Valid with { Address = "2 Corrected Road" }).Create().AssertSuccess();

        merchant.Resubmit(owner, corrected, TestClock.Now.AddHours(1)).AssertSuccess();

        Assert.Equal(MerchantStatus.PendingReview, merchant.Status);
        Assert.Equal("2 Corrected Road", merchant.Profile.Address);
        Assert.Equal([MerchantDecisionKind.Rejected, MerchantDecisionKind.Resubmitted], merchant.Decisions.Select(d => d.Kind));
    }

    [Fact]
    public void Resubmit_WhenNotRejected_ReturnsInvalidStateTransition()
    {
        var owner = UserId.New();
        var merchant = new MerchantBuilder().OwnedBy(owner).Build();

        merchant.Resubmit(owner, ProfileInput.Valid.Create().AssertSuccess(), TestClock.Now).AssertFailure(ErrorCode.InvalidStateTransition, null);
    }

    [Fact]
    public void SuspendThenReinstate_WhenApproved_StopsAndResumesTrading()
    {
        var merchant = new MerchantBuilder().Build();

        merchant.Suspend(Admin, "complaints", TestClock.Now).AssertSuccess();
        Assert.False(merchant.CanTrade);
        merchant.Reinstate(Admin, TestClock.Now).AssertSuccess();

        Assert.True(merchant.CanTrade);
        Assert.Equal([MerchantDecisionKind.Approved, MerchantDecisionKind.Suspended, MerchantDecisionKind.Reinstated], merchant.Decisions.Select(d => d.Kind));
    }

    [Fact]
    public void Suspend_WhenPending_ReturnsInvalidStateTransition()
    {
        var merchant = new MerchantBuilder().PendingReview().Build();

        merchant.Suspend(Admin, "x", TestClock.Now).AssertFailure(ErrorCode.InvalidStateTransition, null);
        merchant.Reinstate(Admin, TestClock.Now).AssertFailure(ErrorCode.InvalidStateTransition, null);
    }

    [Fact]
    public void AddCashier_ThenRemove_GrantsAndWithdrawsStaffStanding()
    {
        var owner = UserId.New();
        var cashier = UserId.New();
        var merchant = new MerchantBuilder().OwnedBy(owner).Build();

        merchant.AddCashier(cashier, owner, TestClock.Now).AssertSuccess();
        Assert.True(merchant.IsStaff(cashier));
        Assert.False(merchant.IsOwner(cashier));
        merchant.AddCashier(cashier, owner, TestClock.Now).AssertFailure(ErrorCode.InvalidStateTransition, "phone");

        merchant.RemoveCashier(cashier, owner, TestClock.Now).AssertSuccess();
        Assert.False(merchant.IsStaff(cashier));
        merchant.RemoveCashier(cashier, owner, TestClock.Now).AssertFailure(ErrorCode.NotFound, "phone");
        Assert.True(merchant.IsStaff(owner));
    }

    [Fact]
    public void RotateQrCode_WhenApproved_IncrementsTheVersion()
    {
        var merchant = new MerchantBuilder().Build();
        Assert.Equal(1, merchant.QrVersion);

        Assert.Equal(2, merchant.RotateQrCode(merchant.OwnerId, TestClock.Now).AssertSuccess());
        Assert.IsType<MerchantQrCodeRotated>(merchant.DomainEvents[^1]);
    }

    [Fact]
    public void RotateQrCode_WhenPending_ReturnsMerchantNotApproved()
    {
        var merchant = new MerchantBuilder().PendingReview().Build();

        merchant.RotateQrCode(merchant.OwnerId, TestClock.Now).AssertFailure(ErrorCode.MerchantNotApproved, null);
    }
}
