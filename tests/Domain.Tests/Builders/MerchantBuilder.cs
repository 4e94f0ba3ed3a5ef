using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Tests.Support;

namespace CodeScan.Domain.Tests.Builders;

/// <summary>Builds a merchant that can trade (approved, CNY) unless told otherwise.</summary>
internal sealed class MerchantBuilder
{
    public static readonly MerchantCode DefaultCode = MerchantCode.Parse("M23456789").AssertSuccess();

    private string? _currency;
    private bool _approved = true;
    private UserId _ownerId = UserId.New();

    public MerchantBuilder TradingIn(string currency)
    {
        _currency = currency;
        return this;
    }

    public MerchantBuilder PendingReview()
    {
        _approved = false;
        return this;
    }

    public MerchantBuilder OwnedBy(UserId ownerId)
    {
        _ownerId = ownerId;
        return this;
    }

    public Merchant Build()
    {
        var profile = (ProfileInput.Valid with { Currency = _currency }).Create().AssertSuccess();
        var merchant = Merchant.Register(profile, _ownerId, TestClock.Now);
        if (_approved)
        {
            merchant.Approve(UserId.New(), DefaultCode, TestClock.Now).AssertSuccess();
        }

        return merchant;
    }
}
