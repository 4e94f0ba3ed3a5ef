using CodeScan.Domain.Common;
using CodeScan.Domain.Tests.Support;
using CodeScan.Domain.Wallets;

namespace CodeScan.Domain.Tests.Wallets;

public sealed class StoredValueBalanceTests
{
    private static readonly StoredValueBalance Balance = new(Principal: 1_000, Bonus: 500);

    [Fact]
    public void Total_IsPrincipalPlusBonus()
    {
        Assert.Equal(1_500, Balance.Total);
    }

    [Theory]
    [InlineData(1L, 1L, 0L)]
    [InlineData(300L, 300L, 0L)]
    [InlineData(1_000L, 1_000L, 0L)]
    [InlineData(1_001L, 1_000L, 1L)]
    [InlineData(1_200L, 1_000L, 200L)]
    [InlineData(1_500L, 1_000L, 500L)]
    public void Split_WhenBalanceCovers_TakesPrincipalFirstThenBonus(long amount, long fromPrincipal, long fromBonus)
    {
        var split = Balance.Split(amount).AssertSuccess();

        Assert.Equal(new StoredValueSplit(fromPrincipal, fromBonus), split);
    }

    [Fact]
    public void Split_WhenOnlyBonusLeft_TakesBonus()
    {
        var split = new StoredValueBalance(0, 500).Split(200).AssertSuccess();

        Assert.Equal(new StoredValueSplit(0, 200), split);
    }

    [Theory]
    [InlineData(1_501L)]
    [InlineData(Money.MaxAmountMinorUnits)]
    [InlineData(long.MaxValue)]
    public void Split_WhenAmountExceedsTotal_ReturnsInsufficientBalance(long amount)
    {
        Balance.Split(amount).AssertFailure(ErrorCode.InsufficientBalance, "amount");
    }

    [Fact]
    public void Split_WhenBalanceEmpty_ReturnsInsufficientBalance()
    {
        new StoredValueBalance(0, 0).Split(1).AssertFailure(ErrorCode.InsufficientBalance, "amount");
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    public void Split_WhenAmountNotPositive_ReturnsAmountOutOfRange(long amount)
    {
        Balance.Split(amount).AssertFailure(ErrorCode.AmountOutOfRange, "amount");
    }

    [Theory]
    [InlineData(-5L, 10L)]
    [InlineData(10L, -1L)]
    public void Split_WhenABalanceIsNegative_ThrowsBecauseTheLedgerIsBroken(long principal, long bonus)
    {
        Assert.Throws<InvalidOperationException>(() => new StoredValueBalance(principal, bonus).Split(5));
    }
}
