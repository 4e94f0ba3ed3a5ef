using CodeScan.Domain.Common;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Tests.Builders;
using CodeScan.Domain.Tests.Support;
using CodeScan.Domain.Wallets;

namespace CodeScan.Domain.Tests.Wallets;

public sealed class RechargeTests
{
    private readonly Merchant _merchant = new MerchantBuilder().Build();
    private readonly UserId _customerId = UserId.New();
    private readonly UserId _staffId = UserId.New();

    [Fact]
    public void AtCounter_WhenValid_RecordsWhoPaidWhatAndWhen()
    {
        var recharge = AtCounter(10_000, 1_000).AssertSuccess();

        Assert.NotEqual(Guid.Empty, recharge.Id);
        Assert.Equal(_merchant.Id, recharge.MerchantId);
        Assert.Equal(_customerId, recharge.CustomerId);
        Assert.Equal(10_000, recharge.Amount);
        Assert.Equal(1_000, recharge.Bonus);
        Assert.Equal("CNY", recharge.Currency);
        Assert.Equal(_staffId, recharge.RecordedBy);
        Assert.Equal(TestClock.Now, recharge.CreatedAt);
        Assert.Empty(recharge.DomainEvents);
    }

    [Fact]
    public void AtCounter_WhenMerchantPendingReview_ReturnsMerchantNotApproved()
    {
        var pending = new MerchantBuilder().PendingReview().Build();

        Recharge.AtCounter(pending, _customerId, _staffId, Cny(10_000), Cny(0), TestClock.Now)
            .AssertFailure(ErrorCode.MerchantNotApproved, "merchantId");
    }

    [Fact]
    public void AtCounter_WhenAmountInAnotherCurrency_ReturnsCurrencyMismatch()
    {
        Recharge.AtCounter(_merchant, _customerId, _staffId, new Money(10_000, "HKD"), Cny(0), TestClock.Now)
            .AssertFailure(ErrorCode.CurrencyMismatch, "amount");
    }

    [Fact]
    public void AtCounter_WhenBonusInAnotherCurrency_ReturnsCurrencyMismatch()
    {
        Recharge.AtCounter(_merchant, _customerId, _staffId, Cny(10_000), new Money(100, "USD"), TestClock.Now)
            .AssertFailure(ErrorCode.CurrencyMismatch, "bonus");
    }

    [Fact]
    public void AtCounter_WhenMerchantTradesInJpy_AcceptsJpy()
    {
        var merchant = new MerchantBuilder().TradingIn("JPY").Build();

        var recharge = Recharge.AtCounter(merchant, _customerId, _staffId, new Money(5_000, "JPY"), Money.Zero("JPY"), TestClock.Now)
            .AssertSuccess();

        Assert.Equal("JPY", recharge.Currency);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(-10_000L)]
    [InlineData(Money.MaxAmountMinorUnits + 1)]
    [InlineData(long.MaxValue)]
    public void AtCounter_WhenAmountOutOfRange_ReturnsAmountOutOfRange(long amount)
    {
        AtCounter(amount, 0).AssertFailure(ErrorCode.AmountOutOfRange, "amount");
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(Money.MaxAmountMinorUnits)]
    public void AtCounter_WhenAmountAtEitherEndOfTheRange_Succeeds(long amount)
    {
        Assert.Equal(amount, AtCounter(amount, 0).AssertSuccess().Amount);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(10_001L)]
    public void AtCounter_WhenBonusNegativeOrAboveAmount_ReturnsAmountOutOfRangeOnBonus(long bonus)
    {
        AtCounter(10_000, bonus).AssertFailure(ErrorCode.AmountOutOfRange, "bonus");
    }

    [Fact]
    public void AtCounter_WhenBonusEqualsAmount_Succeeds()
    {
        Assert.Equal(10_000, AtCounter(10_000, 10_000).AssertSuccess().Bonus);
    }

    [Fact]
    public void Transfers_WhenNoBonus_MovesTheAmountFromCashToPrincipal()
    {
        var recharge = AtCounter(10_000, 0).AssertSuccess();

        var transfer = Assert.Single(recharge.Transfers());

        Assert.Equal(LedgerAccount.IdFor(AccountKind.MerchantCash, _merchant.Id, null), transfer.DebitAccountId);
        Assert.Equal(LedgerAccount.IdFor(AccountKind.CustomerPrincipal, _merchant.Id, _customerId), transfer.CreditAccountId);
        Assert.Equal(10_000, transfer.Amount);
        Assert.Equal("CNY", transfer.Currency);
        Assert.Equal(TransferKind.RechargePrincipal, transfer.Kind);
        Assert.Equal(recharge.Id, transfer.ReferenceId);
        Assert.Equal(TestClock.Now, transfer.CreatedAt);
    }

    [Fact]
    public void Transfers_WhenBonusGranted_AlsoMovesTheBonusFromExpenseToBonus()
    {
        var recharge = AtCounter(10_000, 1_500).AssertSuccess();

        var transfers = recharge.Transfers();

        Assert.Equal(2, transfers.Count);
        var principal = Assert.Single(transfers, t => t.Kind == TransferKind.RechargePrincipal);
        Assert.Equal(10_000, principal.Amount);
        var bonus = Assert.Single(transfers, t => t.Kind == TransferKind.RechargeBonus);
        Assert.Equal(LedgerAccount.IdFor(AccountKind.MerchantBonusExpense, _merchant.Id, null), bonus.DebitAccountId);
        Assert.Equal(LedgerAccount.IdFor(AccountKind.CustomerBonus, _merchant.Id, _customerId), bonus.CreditAccountId);
        Assert.Equal(1_500, bonus.Amount);
        Assert.Equal("CNY", bonus.Currency);
        Assert.Equal(recharge.Id, bonus.ReferenceId);
        Assert.Equal(TestClock.Now, bonus.CreatedAt);
    }

    [Fact]
    public void Complete_WhenLedgerAccepted_RecordsStoredValueRechargedWithBalancesAfter()
    {
        var recharge = AtCounter(10_000, 1_500).AssertSuccess();

        recharge.Complete("138****5678", new StoredValueBalance(Principal: 25_000, Bonus: 2_000));

        var recharged = Assert.IsType<StoredValueRecharged>(Assert.Single(recharge.DomainEvents));
        Assert.Equal(
            new StoredValueRecharged(
                recharge.Id, _merchant.Id, _customerId, "138****5678", 10_000, 1_500, "CNY", 25_000, 2_000, _staffId, TestClock.Now),
            recharged);
        Assert.Equal(recharge.Id.ToString(), recharged.StreamId);
    }

    private static Money Cny(long minorUnits) => new(minorUnits, "CNY");

    private Result<Recharge> AtCounter(long amount, long bonus) =>
        Recharge.AtCounter(_merchant, _customerId, _staffId, Cny(amount), Cny(bonus), TestClock.Now);

    [Fact]
    public void ForPaidOrder_WhenValid_RecordsTheOrderAndNoStaffMember()
    {
        var orderId = Guid.NewGuid();

        var recharge = Recharge.ForPaidOrder(_merchant, _customerId, orderId, Cny(10_000), Cny(2_000), TestClock.Now).AssertSuccess();

        Assert.Equal((orderId, (UserId?)null), (recharge.OrderId, recharge.RecordedBy));
        Assert.Equal(2, recharge.Transfers().Count);
    }
}
