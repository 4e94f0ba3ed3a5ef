using CodeScan.Domain.Common;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Wallets;

namespace CodeScan.Domain.Redemptions;

/// <summary>
/// Part or all of a redemption given back by merchant staff, with a reason. Its transfers run the
/// original ones backwards; nothing of the original is changed or deleted.
/// </summary>
public sealed class RedemptionReversal : AggregateRoot, IStoredValueMovement
{
    public const int MaxReasonLength = 200;

    private RedemptionReversal()
    {
        Currency = null!;
        Reason = null!;
    }

    public Guid Id { get; private set; }

    public Guid RedemptionId { get; private set; }

    public MerchantId MerchantId { get; private set; }

    public UserId CustomerId { get; private set; }

    public RedemptionMode Mode { get; private set; }

    public long PrincipalRestored { get; private set; }

    public long BonusRestored { get; private set; }

    public int UsesRestored { get; private set; }

    public Guid? TimesCardId { get; private set; }

    public Guid? CouponId { get; private set; }

    public bool CouponRestored { get; private set; }

    /// <summary>
    /// When this reversal completes the payment's reversal: what the customer paid at the till, for the
    /// till to hand back (the platform never held it).
    /// </summary>
    public long OutsideToRefund { get; private set; }

    /// <summary>Sales turned back into deferred revenue (the card's uses or the coupon's price).</summary>
    public long RevenueReversed { get; private set; }

    public string Reason { get; private set; }

    public UserId ReversedBy { get; private set; }

    public string Currency { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public long StoredValueRestored => PrincipalRestored + BonusRestored;

    internal static RedemptionReversal Create(
        Redemption redemption, long principal, long bonus, int uses, bool couponRestored, long revenueReversed, string reason, UserId reversedBy, DateTimeOffset now) => new()
        {
            Id = NewId.Next(),
            RedemptionId = redemption.Id,
            MerchantId = redemption.MerchantId,
            CustomerId = redemption.CustomerId,
            Mode = redemption.Mode,
            PrincipalRestored = principal,
            BonusRestored = bonus,
            UsesRestored = uses,
            TimesCardId = redemption.TimesCardId,
            CouponId = redemption.CouponId,
            CouponRestored = couponRestored,
            RevenueReversed = revenueReversed,
            OutsideToRefund = redemption.FullyReversed ? redemption.PaidOutside : 0,
            Reason = reason,
            ReversedBy = reversedBy,
            Currency = redemption.Currency,
            CreatedAt = now,
        };

    /// <summary>Sales back to the customer's principal and bonus, and back to deferred revenue.</summary>
    public IReadOnlyList<Transfer> Transfers()
    {
        var sales = LedgerAccount.IdFor(AccountKind.MerchantSales, MerchantId, null);
        var transfers = new List<Transfer>();
        Add(transfers, sales, LedgerAccount.IdFor(AccountKind.CustomerPrincipal, MerchantId, CustomerId), PrincipalRestored, TransferKind.ReversePrincipal);
        Add(transfers, sales, LedgerAccount.IdFor(AccountKind.CustomerBonus, MerchantId, CustomerId), BonusRestored, TransferKind.ReverseBonus);
        Add(transfers, sales, LedgerAccount.IdFor(AccountKind.MerchantDeferredRevenue, MerchantId, null), RevenueReversed, TransferKind.RevenueReversed);
        return transfers;
    }

    public void Complete(string customerPhoneMasked, StoredValueBalance balanceAfter, string? instrumentName, int? usesLeft) =>
        Record(new RedemptionReversed(
            Id, RedemptionId, MerchantId, CustomerId, customerPhoneMasked, Mode, PrincipalRestored, BonusRestored, UsesRestored,
            TimesCardId, usesLeft, CouponId, CouponRestored, instrumentName, Reason, ReversedBy, Currency, balanceAfter.Principal, balanceAfter.Bonus, CreatedAt, OutsideToRefund));

    private void Add(List<Transfer> transfers, Guid debit, Guid credit, long amount, TransferKind kind)
    {
        if (amount > 0)
        {
            transfers.Add(Transfer.Create(debit, credit, new Money(amount, Currency), kind, Id, CreatedAt));
        }
    }
}

/// <summary>Part or all of a payment given back.</summary>
public sealed record RedemptionReversed(
    Guid ReversalId,
    Guid RedemptionId,
    MerchantId MerchantId,
    UserId CustomerId,
    string CustomerPhoneMasked,
    RedemptionMode Mode,
    long PrincipalRestored,
    long BonusRestored,
    int UsesRestored,
    Guid? TimesCardId,
    int? UsesLeft,
    Guid? CouponId,
    bool CouponRestored,
    string? InstrumentName,
    string Reason,
    UserId ReversedBy,
    string Currency,
    long PrincipalAfter,
    long BonusAfter,
    DateTimeOffset OccurredAt,
    long OutsideToRefund = 0) : IDomainEvent
{
    public string StreamId => ReversalId.ToString();

    public long StoredValueRestored => PrincipalRestored + BonusRestored;
}
