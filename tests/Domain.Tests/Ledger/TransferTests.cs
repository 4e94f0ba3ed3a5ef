using CodeScan.Domain.Common;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Tests.Support;

namespace CodeScan.Domain.Tests.Ledger;

public sealed class TransferTests
{
    private static readonly Guid Debit = Guid.NewGuid();
    private static readonly Guid Credit = Guid.NewGuid();

    [Fact]
    public void Create_WhenAmountPositiveAndAccountsDiffer_RecordsTheMovement()
    {
        var referenceId = Guid.NewGuid();

        var transfer = Transfer.Create(Debit, Credit, new Money(2500, "CNY"), TransferKind.RechargePrincipal, referenceId, TestClock.Now);

        Assert.NotEqual(Guid.Empty, transfer.Id);
        Assert.Equal(Debit, transfer.DebitAccountId);
        Assert.Equal(Credit, transfer.CreditAccountId);
        Assert.Equal(2500, transfer.Amount);
        Assert.Equal("CNY", transfer.Currency);
        Assert.Equal(TransferKind.RechargePrincipal, transfer.Kind);
        Assert.Equal(referenceId, transfer.ReferenceId);
        Assert.Equal(TestClock.Now, transfer.CreatedAt);
    }

    [Fact]
    public void Create_WhenCalledTwice_GivesEachTransferItsOwnId()
    {
        var first = Transfer.Create(Debit, Credit, new Money(1, "CNY"), TransferKind.RedeemBonus, Guid.NewGuid(), TestClock.Now);
        var second = Transfer.Create(Debit, Credit, new Money(1, "CNY"), TransferKind.RedeemBonus, Guid.NewGuid(), TestClock.Now);

        Assert.NotEqual(first.Id, second.Id);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    public void Create_WhenAmountNotPositive_Throws(long minorUnits)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Transfer.Create(Debit, Credit, new Money(minorUnits, "CNY"), TransferKind.RedeemPrincipal, Guid.NewGuid(), TestClock.Now));

        Assert.Equal("amount", exception.ParamName);
    }

    [Fact]
    public void Create_WhenDebitAndCreditAreTheSameAccount_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            Transfer.Create(Debit, Debit, new Money(100, "CNY"), TransferKind.RedeemPrincipal, Guid.NewGuid(), TestClock.Now));
    }
}
