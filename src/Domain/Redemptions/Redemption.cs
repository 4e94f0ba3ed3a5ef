using CodeScan.Domain.Common;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Wallets;

namespace CodeScan.Domain.Redemptions;

/// <summary>
/// A payment at the till from what the customer holds at the merchant: stored value (with the membership
/// discount), uses of a times card, or one coupon with the rest from stored value or paid outside. It
/// keeps its full breakdown, and what later reversals gave back.
/// </summary>
public sealed partial class Redemption : AggregateRoot, IStoredValueMovement
{
    private Redemption()
    {
        Currency = null!;
    }

    public Guid Id { get; private set; }

    public MerchantId MerchantId { get; private set; }

    public UserId CustomerId { get; private set; }

    public RedemptionMode Mode { get; private set; }

    public RedemptionChannel Channel { get; private set; }

    /// <summary>The customer, or the staff member who wrote off their code.</summary>
    public UserId ActedBy { get; private set; }

    /// <summary>The bill before discounts (0 for a times card, which is paid in uses).</summary>
    public long Amount { get; private set; }

    public Guid? MembershipCardId { get; private set; }

    public long MembershipDiscount { get; private set; }

    public Guid? CouponId { get; private set; }

    public long CouponDiscount { get; private set; }

    public Guid? TimesCardId { get; private set; }

    public int Uses { get; private set; }

    public long FromPrincipal { get; private set; }

    public long FromBonus { get; private set; }

    /// <summary>Paid at the till outside the platform (cash, bank card); recorded, not held.</summary>
    public long PaidOutside { get; private set; }

    /// <summary>Deferred revenue of the card or coupon this payment turned into sales.</summary>
    public long RevenueRecognised { get; private set; }

    public string Currency { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public long ReversedPrincipal { get; private set; }

    public long ReversedBonus { get; private set; }

    public int ReversedUses { get; private set; }

    /// <summary>Set once everything the payment took has been given back.</summary>
    public bool FullyReversed { get; private set; }

    public PriceBreakdown Breakdown => new(Amount, MembershipDiscount, CouponDiscount, FromPrincipal, FromBonus, PaidOutside);

    public long StoredValueLeftToReverse => FromPrincipal + FromBonus - ReversedPrincipal - ReversedBonus;

    public int UsesLeftToReverse => Uses - ReversedUses;

    /// <summary>Stored value to sales, and the card's or coupon's deferred revenue to sales.</summary>
    public IReadOnlyList<Transfer> Transfers()
    {
        var sales = Account(AccountKind.MerchantSales);
        var transfers = new List<Transfer>();
        Add(transfers, Account(AccountKind.CustomerPrincipal, CustomerId), sales, FromPrincipal, TransferKind.RedeemPrincipal, Id);
        Add(transfers, Account(AccountKind.CustomerBonus, CustomerId), sales, FromBonus, TransferKind.RedeemBonus, Id);
        Add(transfers, Account(AccountKind.MerchantDeferredRevenue), sales, RevenueRecognised, TransferKind.RevenueRecognised, Id);
        return transfers;
    }

    public void Complete(string customerPhoneMasked, StoredValueBalance balanceAfter, string? instrumentName, int? usesLeft, string? giftName = null) =>
        Record(new Redeemed(
            Id, MerchantId, CustomerId, customerPhoneMasked, Mode, Channel, ActedBy, Amount, MembershipCardId, MembershipDiscount,
            CouponId, CouponDiscount, TimesCardId, Uses, usesLeft, instrumentName, FromPrincipal, FromBonus, PaidOutside,
            Currency, balanceAfter.Principal, balanceAfter.Bonus, CreatedAt, giftName));

    private Guid Account(AccountKind kind, UserId? customerId = null) => LedgerAccount.IdFor(kind, MerchantId, customerId);

    private void Add(List<Transfer> transfers, Guid debit, Guid credit, long amount, TransferKind kind, Guid reference)
    {
        if (amount > 0)
        {
            transfers.Add(Transfer.Create(debit, credit, new Money(amount, Currency), kind, reference, CreatedAt));
        }
    }
}

/// <summary>A payment at the till, with its full breakdown and the balances it left.</summary>
public sealed record Redeemed(
    Guid RedemptionId,
    MerchantId MerchantId,
    UserId CustomerId,
    string CustomerPhoneMasked,
    RedemptionMode Mode,
    RedemptionChannel Channel,
    UserId ActedBy,
    long Amount,
    Guid? MembershipCardId,
    long MembershipDiscount,
    Guid? CouponId,
    long CouponDiscount,
    Guid? TimesCardId,
    int Uses,
    int? UsesLeft,
    string? InstrumentName,
    long FromPrincipal,
    long FromBonus,
    long PaidOutside,
    string Currency,
    long PrincipalAfter,
    long BonusAfter,
    DateTimeOffset OccurredAt,
    string? GiftName = null) : IDomainEvent
{
    public string StreamId => RedemptionId.ToString();

    public long FromStoredValue => FromPrincipal + FromBonus;
}
