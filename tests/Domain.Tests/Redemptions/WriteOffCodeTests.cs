using CodeScan.Domain.Common;
using CodeScan.Domain.Redemptions;
using CodeScan.Domain.Tests.Support;

namespace CodeScan.Domain.Tests.Redemptions;

public sealed class WriteOffCodeTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly MerchantId _merchant = MerchantId.New();
    private readonly UserId _customer = UserId.New();
    private readonly Guid _coupon = Guid.NewGuid();

    [Fact]
    public void Create_KeepsTheHashAndEndsAfterItsLifetime()
    {
        var code = NewCode();

        Assert.NotEqual(Guid.Empty, code.Id);
        Assert.Equal(("hash-of-code", _merchant, _customer), (code.CodeHash, code.MerchantId, code.CustomerId));
        Assert.Equal((WriteOffTarget.Coupon, _coupon), (code.Target, code.InstrumentId));
        Assert.Equal((TestClock.Now, TestClock.Now + Lifetime), (code.CreatedAt, code.ExpiresAt));
        Assert.Null(code.UsedAt);
        Assert.Null(code.RedemptionId);
    }

    [Fact]
    public void CannotBeUsedBy_ItsMerchantWithinItsLifetime_IsNull()
    {
        var code = NewCode();

        Assert.Null(code.CannotBeUsedBy(_merchant, TestClock.Now));
        Assert.Null(code.CannotBeUsedBy(_merchant, code.ExpiresAt.AddTicks(-1)));
    }

    [Fact]
    public void CannotBeUsedBy_AnotherMerchant_ReturnsWrongMerchant()
    {
        var code = NewCode();

        AssertError(ErrorCode.WriteOffCodeWrongMerchant, code.CannotBeUsedBy(MerchantId.New(), TestClock.Now));
    }

    [Fact]
    public void CannotBeUsedBy_AnotherMerchant_SaysWrongMerchantEvenForAUsedCode()
    {
        // Another merchant learns nothing about the code beyond "not yours".
        var code = NewCode();
        code.MarkUsed(Guid.NewGuid(), TestClock.Now);

        AssertError(ErrorCode.WriteOffCodeWrongMerchant, code.CannotBeUsedBy(MerchantId.New(), code.ExpiresAt));
    }

    [Fact]
    public void CannotBeUsedBy_WhenUsed_ReturnsUsed()
    {
        var code = NewCode();
        code.MarkUsed(Guid.NewGuid(), TestClock.Now);

        AssertError(ErrorCode.WriteOffCodeUsed, code.CannotBeUsedBy(_merchant, TestClock.Now));
    }

    [Fact]
    public void CannotBeUsedBy_ExactlyAtExpiry_ReturnsExpired()
    {
        var code = NewCode();

        AssertError(ErrorCode.WriteOffCodeExpired, code.CannotBeUsedBy(_merchant, code.ExpiresAt));
    }

    [Fact]
    public void MarkUsed_RecordsTheRedemptionAndWhen()
    {
        var code = NewCode();
        var redemption = Guid.NewGuid();

        code.MarkUsed(redemption, TestClock.Now.AddMinutes(1));

        Assert.Equal((redemption, TestClock.Now.AddMinutes(1)), (code.RedemptionId!.Value, code.UsedAt!.Value));
    }

    [Fact]
    public void Revoke_EndsTheCodeAtOnce()
    {
        var code = NewCode();
        var now = TestClock.Now.AddMinutes(1);

        code.Revoke(now);

        Assert.Equal(now, code.ExpiresAt);
        AssertError(ErrorCode.WriteOffCodeExpired, code.CannotBeUsedBy(_merchant, now));
    }

    [Fact]
    public void Revoke_AfterExpiry_DoesNotExtendIt()
    {
        var code = NewCode();
        var expiresAt = code.ExpiresAt;

        code.Revoke(expiresAt.AddMinutes(1));

        Assert.Equal(expiresAt, code.ExpiresAt);
    }

    [Fact]
    public void Revoke_AUsedCode_LeavesItUsed()
    {
        var code = NewCode();
        code.MarkUsed(Guid.NewGuid(), TestClock.Now);
        var expiresAt = code.ExpiresAt;

        code.Revoke(TestClock.Now.AddMinutes(1));

        Assert.Equal(expiresAt, code.ExpiresAt);
        AssertError(ErrorCode.WriteOffCodeUsed, code.CannotBeUsedBy(_merchant, TestClock.Now.AddMinutes(1)));
    }

    private static void AssertError(ErrorCode expected, Error? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal((expected, "code"), (actual.Code, actual.Field));
        Assert.False(string.IsNullOrWhiteSpace(actual.Message));
    }

    private WriteOffCode NewCode() =>
        WriteOffCode.Create("hash-of-code", _merchant, _customer, WriteOffTarget.Coupon, _coupon, 1, TestClock.Now, Lifetime);
}
