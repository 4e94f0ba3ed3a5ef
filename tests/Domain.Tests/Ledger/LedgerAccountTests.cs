using CodeScan.Domain.Common;
using CodeScan.Domain.Ledger;

namespace CodeScan.Domain.Tests.Ledger;

public sealed class LedgerAccountTests
{
    private static readonly MerchantId Merchant = new(Guid.Parse("0197a5c0-0000-7000-8000-000000000001"));
    private static readonly UserId Customer = new(Guid.Parse("0197a5c0-0000-7000-8000-000000000002"));

    [Fact]
    public void IdFor_WhenCalledTwiceWithTheSameInputs_ReturnsTheSameId()
    {
        Assert.Equal(
            LedgerAccount.IdFor(AccountKind.CustomerPrincipal, Merchant, Customer),
            LedgerAccount.IdFor(AccountKind.CustomerPrincipal, new MerchantId(Merchant.Value), new UserId(Customer.Value)));
    }

    [Fact]
    public void IdFor_ForKnownInputs_StaysTheSameAcrossReleases()
    {
        // Ids are stored; changing the derivation would orphan every existing account.
        Assert.Equal(
            Guid.Parse("93b0e85b-2f80-fd3c-f40b-fec89b6f0c79"),
            LedgerAccount.IdFor(AccountKind.CustomerPrincipal, Merchant, Customer));
        Assert.Equal(
            Guid.Parse("8e8f1c33-35e6-58ff-49cc-2ea318bcc02c"),
            LedgerAccount.IdFor(AccountKind.MerchantCash, Merchant, null));
    }

    [Fact]
    public void IdFor_ForEveryKind_IsTheHashOfItsNameAsText()
    {
        foreach (var kind in Enum.GetValues<AccountKind>())
        {
            UserId? customer = kind.IsCustomerAccount() ? Customer : null;
            var text = $"{kind}|{Merchant.Value:N}|{customer?.Value.ToString("N") ?? "-"}";
            var expected = new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

            Assert.Equal(expected, LedgerAccount.IdFor(kind, Merchant, customer));
        }
    }

    [Fact]
    public void IdFor_WhenKindDiffers_ReturnsDifferentIds()
    {
        var ids = Enum.GetValues<AccountKind>().Select(kind => LedgerAccount.IdFor(kind, Merchant, Customer)).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void IdFor_WhenMerchantDiffers_ReturnsDifferentIds()
    {
        Assert.NotEqual(
            LedgerAccount.IdFor(AccountKind.CustomerBonus, Merchant, Customer),
            LedgerAccount.IdFor(AccountKind.CustomerBonus, MerchantId.New(), Customer));
        Assert.NotEqual(
            LedgerAccount.IdFor(AccountKind.MerchantSales, Merchant, null),
            LedgerAccount.IdFor(AccountKind.MerchantSales, MerchantId.New(), null));
    }

    [Fact]
    public void IdFor_WhenCustomerDiffers_ReturnsDifferentIds()
    {
        Assert.NotEqual(
            LedgerAccount.IdFor(AccountKind.CustomerPrincipal, Merchant, Customer),
            LedgerAccount.IdFor(AccountKind.CustomerPrincipal, Merchant, UserId.New()));
    }

    [Fact]
    public void IdFor_WhenCustomerPresentOrAbsent_ReturnsDifferentIds()
    {
        Assert.NotEqual(
            LedgerAccount.IdFor(AccountKind.MerchantCash, Merchant, null),
            LedgerAccount.IdFor(AccountKind.MerchantCash, Merchant, Customer));
    }

    [Theory]
    [InlineData(AccountKind.CustomerPrincipal)]
    [InlineData(AccountKind.CustomerBonus)]
    public void Open_WhenCustomerKindWithoutCustomer_Throws(AccountKind kind)
    {
        Assert.Throws<ArgumentException>(() => LedgerAccount.Open(kind, Merchant, null, "CNY"));
    }

    [Theory]
    [InlineData(AccountKind.MerchantCash)]
    [InlineData(AccountKind.MerchantSales)]
    [InlineData(AccountKind.MerchantBonusExpense)]
    public void Open_WhenMerchantKindWithCustomer_Throws(AccountKind kind)
    {
        Assert.Throws<ArgumentException>(() => LedgerAccount.Open(kind, Merchant, Customer, "CNY"));
    }

    [Theory]
    [InlineData(AccountKind.CustomerPrincipal, true)]
    [InlineData(AccountKind.CustomerBonus, true)]
    [InlineData(AccountKind.MerchantCash, false)]
    [InlineData(AccountKind.MerchantSales, false)]
    [InlineData(AccountKind.MerchantBonusExpense, false)]
    public void Open_WhenOwnerMatchesKind_UsesTheDerivedIdAndStartsEmpty(AccountKind kind, bool forCustomer)
    {
        UserId? customerId = forCustomer ? Customer : null;

        var account = LedgerAccount.Open(kind, Merchant, customerId, "HKD");

        Assert.Equal(LedgerAccount.IdFor(kind, Merchant, customerId), account.Id);
        Assert.Equal(kind, account.Kind);
        Assert.Equal(Merchant, account.MerchantId);
        Assert.Equal(customerId, account.CustomerId);
        Assert.Equal("HKD", account.Currency);
        Assert.Equal(0, account.DebitsPosted);
        Assert.Equal(0, account.CreditsPosted);
        Assert.Equal(0, account.Balance);
    }

    [Theory]
    [InlineData(AccountKind.CustomerPrincipal, true)]
    [InlineData(AccountKind.CustomerBonus, true)]
    [InlineData(AccountKind.MerchantSales, true)]
    [InlineData(AccountKind.MerchantCash, false)]
    [InlineData(AccountKind.MerchantBonusExpense, false)]
    public void IsCreditNormal_WhenLiabilityOrRevenue_IsTrue(AccountKind kind, bool expected)
    {
        Assert.Equal(expected, kind.IsCreditNormal());
    }

    [Theory]
    [InlineData(AccountKind.CustomerPrincipal, true)]
    [InlineData(AccountKind.CustomerBonus, true)]
    [InlineData(AccountKind.MerchantSales, false)]
    [InlineData(AccountKind.MerchantCash, false)]
    [InlineData(AccountKind.MerchantBonusExpense, false)]
    public void DebitsMustNotExceedCredits_WhenCustomerAccount_IsTrue(AccountKind kind, bool expected)
    {
        Assert.Equal(expected, kind.DebitsMustNotExceedCredits());
        Assert.Equal(expected, kind.IsCustomerAccount());
    }
}
