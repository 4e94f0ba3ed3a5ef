using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Tests.Builders;
using CodeScan.Domain.Tests.Support;

namespace CodeScan.Domain.Tests.Merchants;

public sealed class MerchantTimeZoneAndAnalystTests
{
    [Fact]
    public void Register_WhenNew_CountsItsDaysInShanghai()
    {
        Assert.Equal("Asia/Shanghai", new MerchantBuilder().Build().TimeZone);
    }

    [Fact]
    public void ChangeTimeZone_WhenIana_ChangesItAndRecordsTheChangeOnce()
    {
        var ownerId = UserId.New();
        var merchant = new MerchantBuilder().OwnedBy(ownerId).Build();
        merchant.ClearDomainEvents();

        Assert.Equal("America/New_York", merchant.ChangeTimeZone("America/New_York", ownerId, TestClock.Now).AssertSuccess());
        merchant.ChangeTimeZone("America/New_York", ownerId, TestClock.Now).AssertSuccess();

        Assert.Equal("America/New_York", merchant.TimeZone);
        var changed = Assert.IsType<MerchantTimeZoneChanged>(Assert.Single(merchant.DomainEvents));
        Assert.Equal(("America/New_York", ownerId), (changed.TimeZone, changed.ChangedBy));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Eastern Standard Time")]
    [InlineData("")]
    [InlineData(" ")]
    public void ChangeTimeZone_WhenNotAnIanaZone_ReturnsInvalidInputAndChangesNothing(string zone)
    {
        var ownerId = UserId.New();
        var merchant = new MerchantBuilder().OwnedBy(ownerId).Build();
        var version = merchant.Version;

        merchant.ChangeTimeZone(zone, ownerId, TestClock.Now).AssertFailure(ErrorCode.InvalidInput, "timeZone");

        Assert.Equal(("Asia/Shanghai", version), (merchant.TimeZone, merchant.Version));
    }

    [Fact]
    public void AddAnalyst_WhenAdded_IsOnTheStaffListButNotStaff()
    {
        var ownerId = UserId.New();
        var analystId = UserId.New();
        var merchant = new MerchantBuilder().OwnedBy(ownerId).Build();

        var member = merchant.AddAnalyst(analystId, ownerId, TestClock.Now).AssertSuccess();

        Assert.Equal(StaffRole.Analyst, member.Role);
        Assert.False(merchant.IsStaff(analystId));
        Assert.IsType<AnalystAdded>(merchant.DomainEvents[^1]);
        merchant.AddCashier(analystId, ownerId, TestClock.Now).AssertFailure(ErrorCode.InvalidStateTransition, "phone");
    }

    [Fact]
    public void RemoveAnalyst_WhenTheyAreACashier_ReturnsNotFoundAndKeepsTheCashier()
    {
        var ownerId = UserId.New();
        var cashierId = UserId.New();
        var merchant = new MerchantBuilder().OwnedBy(ownerId).Build();
        merchant.AddCashier(cashierId, ownerId, TestClock.Now).AssertSuccess();

        merchant.RemoveAnalyst(cashierId, ownerId, TestClock.Now).AssertFailure(ErrorCode.NotFound, "phone");

        Assert.True(merchant.IsStaff(cashierId));
    }
}
