using CodeScan.Domain.Common;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Merchants;

namespace CodeScan.Domain.Wallets;

/// <summary>Stored value added for a customer, with any bonus granted on top.</summary>
public sealed class Recharge : AggregateRoot, IStoredValueMovement
{
    private Recharge()
    {
        Currency = null!;
    }

    private Recharge(Guid id, MerchantId merchantId, UserId customerId, long amount, long bonus, string currency, UserId? staffId, Guid? orderId, DateTimeOffset now)
    {
        Id = id;
        MerchantId = merchantId;
        CustomerId = customerId;
        Amount = amount;
        Bonus = bonus;
        Currency = currency;
        RecordedBy = staffId;
        OrderId = orderId;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public MerchantId MerchantId { get; private set; }

    public UserId CustomerId { get; private set; }

    public long Amount { get; private set; }

    public long Bonus { get; private set; }

    public string Currency { get; private set; }

    /// <summary>The staff member who took the customer's offline payment.</summary>
    public UserId? RecordedBy { get; private set; }

    /// <summary>The paid order, for a recharge bought in the app.</summary>
    public Guid? OrderId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// Validates a counter recharge and returns it with the ledger transfers that move the value:
    /// cash → principal for the amount, bonus expense → bonus for the bonus.
    /// </summary>
    public static Result<Recharge> AtCounter(Merchant merchant, UserId customerId, UserId staffId, Money amount, Money bonus, DateTimeOffset now) =>
        Create(merchant, customerId, amount, bonus, staffId, null, now);

    /// <summary>A recharge the customer bought in the app: settled by a paid order, recorded by no staff member.</summary>
    public static Result<Recharge> ForPaidOrder(Merchant merchant, UserId customerId, Guid orderId, Money amount, Money bonus, DateTimeOffset now) =>
        Create(merchant, customerId, amount, bonus, null, orderId, now);

    private static Result<Recharge> Create(Merchant merchant, UserId customerId, Money amount, Money bonus, UserId? staffId, Guid? orderId, DateTimeOffset now)
    {
        if (merchant.Terms.Refusal(Trade.Sale) is { } refused)
        {
            return refused;
        }

        if (amount.Currency != merchant.Currency || bonus.Currency != merchant.Currency)
        {
            return new Error(ErrorCode.CurrencyMismatch, $"This merchant trades in {merchant.Currency}.", amount.Currency != merchant.Currency ? "amount" : "bonus");
        }

        if (Money.OutOfRange(amount.MinorUnits) is { } outOfRange)
        {
            return outOfRange;
        }

        if (bonus.MinorUnits < 0 || bonus.MinorUnits > amount.MinorUnits)
        {
            return new Error(ErrorCode.AmountOutOfRange, "A bonus cannot be negative or exceed the amount paid.", "bonus");
        }

        return new Recharge(NewId.Next(), merchant.Id, customerId, amount.MinorUnits, bonus.MinorUnits, merchant.Currency, staffId, orderId, now);
    }

    public IReadOnlyList<Transfer> Transfers()
    {
        var transfers = new List<Transfer>
        {
            Transfer.Create(
                LedgerAccount.IdFor(AccountKind.MerchantCash, MerchantId, null),
                LedgerAccount.IdFor(AccountKind.CustomerPrincipal, MerchantId, CustomerId),
                new Money(Amount, Currency),
                TransferKind.RechargePrincipal,
                Id,
                CreatedAt),
        };
        if (Bonus > 0)
        {
            transfers.Add(Transfer.Create(
                LedgerAccount.IdFor(AccountKind.MerchantBonusExpense, MerchantId, null),
                LedgerAccount.IdFor(AccountKind.CustomerBonus, MerchantId, CustomerId),
                new Money(Bonus, Currency),
                TransferKind.RechargeBonus,
                Id,
                CreatedAt));
        }

        return transfers;
    }

    /// <summary>Records the fact once the ledger has accepted the transfers and knows the balance after.</summary>
    public void Complete(string customerPhoneMasked, StoredValueBalance balanceAfter) =>
        Record(new StoredValueRecharged(Id, MerchantId, CustomerId, customerPhoneMasked, Amount, Bonus, Currency, balanceAfter.Principal, balanceAfter.Bonus, RecordedBy, CreatedAt, OrderId));
}

public sealed record StoredValueRecharged(
    Guid RechargeId,
    MerchantId MerchantId,
    UserId CustomerId,
    string CustomerPhoneMasked,
    long Amount,
    long Bonus,
    string Currency,
    long PrincipalAfter,
    long BonusAfter,
    UserId? RecordedBy,
    DateTimeOffset OccurredAt,
    Guid? OrderId = null) : IDomainEvent
{
    public string StreamId => RechargeId.ToString();
}
