using CodeScan.Domain.Common;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Redemptions;
using CodeScan.Domain.Tests.Builders;
using CodeScan.Domain.Tests.Support;
using CodeScan.Domain.Wallets;

namespace CodeScan.Domain.Tests.Redemptions;

public sealed class RedemptionTests
{
    private readonly Merchant _merchant = new MerchantBuilder().Build();
    private readonly UserId _customerId = UserId.New();

    [Fact]
    public void OfStoredValue_WhenBalanceCovers_RecordsThePaymentAndItsSplit()
    {
        var redemption = OfStoredValue(1_200, new StoredValueBalance(1_000, 500)).AssertSuccess();

        Assert.NotEqual(Guid.Empty, redemption.Id);
        Assert.Equal(_merchant.Id, redemption.MerchantId);
        Assert.Equal(_customerId, redemption.CustomerId);
        Assert.Equal(RedemptionMode.StoredValue, redemption.Mode);
        Assert.Equal(1_200, redemption.Amount);
        Assert.Equal(1_000, redemption.FromPrincipal);
        Assert.Equal(200, redemption.FromBonus);
        Assert.Equal("CNY", redemption.Currency);
        Assert.Equal(TestClock.Now, redemption.CreatedAt);
        Assert.Empty(redemption.DomainEvents);
    }

    [Fact]
    public void OfStoredValue_WhenMerchantPendingReview_ReturnsMerchantNotApproved()
    {
        var pending = new MerchantBuilder().PendingReview().Build();

        OfStoredValue(100, new StoredValueBalance(1_000, 0), pending)
            .AssertFailure(ErrorCode.MerchantNotApproved, "merchantId");
    }

    [Fact]
    public void OfStoredValue_WhenAmountExceedsBalance_ReturnsInsufficientBalance()
    {
        OfStoredValue(1_501, new StoredValueBalance(1_000, 500)).AssertFailure(ErrorCode.InsufficientBalance, "amount");
    }

    [Fact]
    public void OfStoredValue_WhenAmountEqualsBalance_SpendsEverything()
    {
        var redemption = OfStoredValue(1_500, new StoredValueBalance(1_000, 500)).AssertSuccess();

        Assert.Equal(1_000, redemption.FromPrincipal);
        Assert.Equal(500, redemption.FromBonus);
    }

    [Fact]
    public void OfStoredValue_WhenAmountOverThePaymentLimit_ReturnsAmountOutOfRangeEvenIfBalanceCovers()
    {
        var rich = new StoredValueBalance(Money.MaxAmountMinorUnits * 2, 0);

        OfStoredValue(Money.MaxAmountMinorUnits + 1, rich).AssertFailure(ErrorCode.AmountOutOfRange, "amount");
    }

    [Fact]
    public void OfStoredValue_WhenAmountAtThePaymentLimit_Succeeds()
    {
        var rich = new StoredValueBalance(Money.MaxAmountMinorUnits * 2, 0);

        Assert.Equal(Money.MaxAmountMinorUnits, OfStoredValue(Money.MaxAmountMinorUnits, rich).AssertSuccess().Amount);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-100L)]
    public void OfStoredValue_WhenAmountNotPositive_ReturnsAmountOutOfRange(long amount)
    {
        OfStoredValue(amount, new StoredValueBalance(1_000, 500)).AssertFailure(ErrorCode.AmountOutOfRange, "amount");
    }

    [Fact]
    public void Transfers_WhenPaidFromBothPots_MovesEachToMerchantSales()
    {
        var redemption = OfStoredValue(1_200, new StoredValueBalance(1_000, 500)).AssertSuccess();
        var sales = LedgerAccount.IdFor(AccountKind.MerchantSales, _merchant.Id, null);

        var transfers = redemption.Transfers();

        Assert.Equal(2, transfers.Count);
        var principal = Assert.Single(transfers, t => t.Kind == TransferKind.RedeemPrincipal);
        Assert.Equal(LedgerAccount.IdFor(AccountKind.CustomerPrincipal, _merchant.Id, _customerId), principal.DebitAccountId);
        Assert.Equal(sales, principal.CreditAccountId);
        Assert.Equal(1_000, principal.Amount);
        var bonus = Assert.Single(transfers, t => t.Kind == TransferKind.RedeemBonus);
        Assert.Equal(LedgerAccount.IdFor(AccountKind.CustomerBonus, _merchant.Id, _customerId), bonus.DebitAccountId);
        Assert.Equal(sales, bonus.CreditAccountId);
        Assert.Equal(200, bonus.Amount);
        Assert.All(transfers, t =>
        {
            Assert.Equal("CNY", t.Currency);
            Assert.Equal(redemption.Id, t.ReferenceId);
            Assert.Equal(TestClock.Now, t.CreatedAt);
        });
    }

    [Fact]
    public void Transfers_WhenPrincipalCovers_MovesOnlyPrincipal()
    {
        var redemption = OfStoredValue(800, new StoredValueBalance(1_000, 500)).AssertSuccess();

        var transfer = Assert.Single(redemption.Transfers());

        Assert.Equal(TransferKind.RedeemPrincipal, transfer.Kind);
        Assert.Equal(800, transfer.Amount);
    }

    [Fact]
    public void Transfers_WhenNoPrincipalLeft_MovesOnlyBonus()
    {
        var redemption = OfStoredValue(300, new StoredValueBalance(0, 500)).AssertSuccess();

        var transfer = Assert.Single(redemption.Transfers());

        Assert.Equal(TransferKind.RedeemBonus, transfer.Kind);
        Assert.Equal(300, transfer.Amount);
    }

    [Fact]
    public void Complete_WhenLedgerAccepted_RecordsStoredValueRedeemedWithBalancesAfter()
    {
        var redemption = OfStoredValue(1_200, new StoredValueBalance(1_000, 500)).AssertSuccess();

        redemption.Complete("138****5678", new StoredValueBalance(Principal: 0, Bonus: 300), null, null);

        var redeemed = Assert.IsType<Redeemed>(Assert.Single(redemption.DomainEvents));
        Assert.Equal(
            new Redeemed(
                redemption.Id, _merchant.Id, _customerId, "138****5678", RedemptionMode.StoredValue, RedemptionChannel.CustomerScan, _customerId,
                1_200, null, 0, null, 0, null, 0, null, null, 1_000, 200, 0, "CNY", 0, 300, TestClock.Now),
            redeemed);
        Assert.Equal(redemption.Id.ToString(), redeemed.StreamId);
    }

    [Fact]
    public void OfStoredValue_ForManyBalancesAndAmounts_SplitsPrincipalFirstAndNeverOverspends()
    {
        var random = new Random(20250601);
        long[] scales = [10, 1_000, Money.MaxAmountMinorUnits / 2];

        for (var i = 0; i < 1_000; i++)
        {
            var scale = scales[random.Next(scales.Length)];
            var principal = random.Next(4) == 0 ? 0 : random.NextInt64(0, scale);
            var bonus = random.Next(4) == 0 ? 0 : random.NextInt64(0, scale);
            var balance = new StoredValueBalance(principal, bonus);
            // One past the total now and then, so refusals are part of the run.
            var amount = random.NextInt64(1, balance.Total + 2);
            var context = $"case {i}: principal {principal}, bonus {bonus}, amount {amount}";

            var result = OfStoredValue(amount, balance);

            if (amount > balance.Total)
            {
                Assert.False(result.IsSuccess, context);
                Assert.Equal(ErrorCode.InsufficientBalance, result.Error!.Code);
                continue;
            }

            var redemption = result.AssertSuccess();
            Assert.True(redemption.FromPrincipal + redemption.FromBonus == amount, $"{context}: parts do not add up");
            Assert.True(redemption.FromPrincipal is >= 0 && redemption.FromPrincipal <= principal, $"{context}: principal overspent");
            Assert.True(redemption.FromBonus is >= 0 && redemption.FromBonus <= bonus, $"{context}: bonus overspent");
            Assert.True(redemption.FromBonus == 0 || redemption.FromPrincipal == principal, $"{context}: bonus used before principal ran out");
            Assert.True(amount == redemption.Transfers().Sum(t => t.Amount), $"{context}: transfers do not add up");
        }
    }

    private Result<Redemption> OfStoredValue(long amount, StoredValueBalance balance, Merchant? merchant = null) => Redemption.Decide(
        new RedemptionRequest(_customerId, RedemptionMode.StoredValue, amount, 1, RestPayment.StoredValue, RedemptionChannel.CustomerScan, _customerId),
        (merchant ?? _merchant).Terms, null, null, null, balance, TestClock.Now);
}
