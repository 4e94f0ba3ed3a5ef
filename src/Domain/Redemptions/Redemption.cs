using CodeScan.Domain.Common;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Wallets;

namespace CodeScan.Domain.Redemptions;

/// <summary>A payment at the till from what the customer holds at the merchant.</summary>
public sealed class Redemption : AggregateRoot
{
    private Redemption()
    {
        Currency = null!;
    }

    private Redemption(Guid id, MerchantId merchantId, UserId customerId, RedemptionMode mode, long amount, StoredValueSplit split, string currency, DateTimeOffset now)
    {
        Id = id;
        MerchantId = merchantId;
        CustomerId = customerId;
        Mode = mode;
        Amount = amount;
        FromPrincipal = split.FromPrincipal;
        FromBonus = split.FromBonus;
        Currency = currency;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public MerchantId MerchantId { get; private set; }

    public UserId CustomerId { get; private set; }

    public RedemptionMode Mode { get; private set; }

    public long Amount { get; private set; }

    public long FromPrincipal { get; private set; }

    public long FromBonus { get; private set; }

    public string Currency { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// Decides a stored-value payment against the balance read under lock; the ledger's guarded update
    /// enforces the same rule again in the database.
    /// </summary>
    public static Result<Redemption> OfStoredValue(Merchant merchant, UserId customerId, Money amount, StoredValueBalance balance, DateTimeOffset now)
    {
        if (!merchant.CanTrade)
        {
            return new Error(ErrorCode.MerchantNotApproved, "The merchant is not accepting payments.", "merchantId");
        }

        if (amount.Currency != merchant.Currency)
        {
            return new Error(ErrorCode.CurrencyMismatch, $"This merchant trades in {merchant.Currency}.", "amount");
        }

        if (amount.MinorUnits > Money.MaxAmountMinorUnits)
        {
            return new Error(ErrorCode.AmountOutOfRange, "The amount is over the limit for one payment.", "amount");
        }

        var split = balance.Split(amount.MinorUnits);
        if (!split.IsSuccess)
        {
            return split.Error!;
        }

        return new Redemption(Guid.CreateVersion7(), merchant.Id, customerId, RedemptionMode.StoredValue, amount.MinorUnits, split.Value, merchant.Currency, now);
    }

    public IReadOnlyList<Transfer> Transfers()
    {
        var sales = LedgerAccount.IdFor(AccountKind.MerchantSales, MerchantId, null);
        var transfers = new List<Transfer>();
        if (FromPrincipal > 0)
        {
            transfers.Add(Transfer.Create(
                LedgerAccount.IdFor(AccountKind.CustomerPrincipal, MerchantId, CustomerId), sales,
                new Money(FromPrincipal, Currency), TransferKind.RedeemPrincipal, Id, CreatedAt));
        }

        if (FromBonus > 0)
        {
            transfers.Add(Transfer.Create(
                LedgerAccount.IdFor(AccountKind.CustomerBonus, MerchantId, CustomerId), sales,
                new Money(FromBonus, Currency), TransferKind.RedeemBonus, Id, CreatedAt));
        }

        return transfers;
    }

    public void Complete(string customerPhoneMasked, StoredValueBalance balanceAfter) =>
        Record(new StoredValueRedeemed(Id, MerchantId, CustomerId, customerPhoneMasked, Mode, Amount, FromPrincipal, FromBonus, Currency, balanceAfter.Principal, balanceAfter.Bonus, CreatedAt));
}

public sealed record StoredValueRedeemed(
    Guid RedemptionId,
    MerchantId MerchantId,
    UserId CustomerId,
    string CustomerPhoneMasked,
    RedemptionMode Mode,
    long Amount,
    long FromPrincipal,
    long FromBonus,
    string Currency,
    long PrincipalAfter,
    long BonusAfter,
    DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => RedemptionId.ToString();
}
