using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Tests.Support;

namespace CodeScan.Domain.Tests.Instruments;

public sealed class InstrumentSaleTests
{
    private readonly MerchantId _merchant = MerchantId.New();

    [Fact]
    public void Transfers_ForAPricedCard_MoveThePriceFromCashToDeferredRevenue()
    {
        var card = Guid.NewGuid();

        var transfer = Assert.Single(InstrumentSale.Transfers(_merchant, card, TransferKind.CardSale, new Money(30_000, "CNY"), TestClock.Now));

        Assert.Equal(LedgerAccount.IdFor(AccountKind.MerchantCash, _merchant, null), transfer.DebitAccountId);
        Assert.Equal(LedgerAccount.IdFor(AccountKind.MerchantDeferredRevenue, _merchant, null), transfer.CreditAccountId);
        Assert.Equal((30_000L, "CNY", card), (transfer.Amount, transfer.Currency, transfer.ReferenceId));
    }

    [Fact]
    public void Transfers_ForAFreeCoupon_MoveNothing() =>
        Assert.Empty(InstrumentSale.Transfers(_merchant, Guid.NewGuid(), TransferKind.CouponSale, Money.Zero("CNY"), TestClock.Now));

    [Fact]
    public void Transfers_ForAnythingButASale_Throw() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => InstrumentSale.Transfers(_merchant, Guid.NewGuid(), TransferKind.RechargeBonus, new Money(1, "CNY"), TestClock.Now));

    [Fact]
    public void DeferredRevenue_IsALiability_GrowingByCredits() =>
        Assert.True(AccountKind.MerchantDeferredRevenue.IsCreditNormal());
}
