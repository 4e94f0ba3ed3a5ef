using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Wallets;

namespace CodeScan.Domain.Redemptions;

/// <summary>What the customer (or a cashier with their write-off code) asked for at the till.</summary>
public sealed record RedemptionRequest(
    UserId CustomerId,
    RedemptionMode Mode,
    long Bill,
    int Uses,
    RestPayment Rest,
    RedemptionChannel Channel,
    UserId ActedBy);

/// <summary>
/// A payment at the till from what the customer holds at the merchant: stored value (with the membership
/// discount), uses of a times card, or one coupon with the rest from stored value or paid outside. It
/// keeps its full breakdown, and what later reversals gave back.
/// </summary>
public sealed class Redemption : AggregateRoot, IStoredValueMovement
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

    /// <summary>
    /// Decides a payment against instruments and a balance the caller holds locked; the ledger's guarded
    /// update enforces the balance rule again in the database. The coupon or times card is used here.
    /// </summary>
    public static Result<Redemption> Decide(
        RedemptionRequest request, TradingTerms merchant, Card? membership, Coupon? coupon, Card? timesCard, StoredValueBalance balance, DateTimeOffset now)
    {
        if (!merchant.CanTrade)
        {
            return new Error(ErrorCode.MerchantNotApproved, "The merchant is not accepting payments.", "merchantId");
        }

        var redemption = new Redemption
        {
            Id = Guid.CreateVersion7(),
            MerchantId = merchant.MerchantId,
            CustomerId = request.CustomerId,
            Mode = request.Mode,
            Channel = request.Channel,
            ActedBy = request.ActedBy,
            Currency = merchant.Currency,
            CreatedAt = now,
        };

        var decided = request.Mode switch
        {
            RedemptionMode.TimesCard => redemption.UseTimesCard(timesCard, request.Uses, now),
            RedemptionMode.StoredValue => redemption.Charge(
                request.Bill, membership, null, request.Rest == RestPayment.StoredValueThenOutside ? RestPayment.StoredValueThenOutside : RestPayment.StoredValue, balance, now),
            RedemptionMode.Coupon => redemption.Charge(request.Bill, membership, coupon, request.Rest, balance, now),
            _ => Error.Invalid("Unknown payment mode.", "mode"),
        };
        return decided ?? Result.Success(redemption);
    }

    private Error? UseTimesCard(Card? card, int uses, DateTimeOffset now)
    {
        if (card is null)
        {
            return Error.Invalid("Choose the times card to use.", "timesCardId");
        }

        var used = card.Use(uses, now);
        if (!used.IsSuccess)
        {
            return used.Error;
        }

        TimesCardId = card.Id;
        Uses = uses;
        RevenueRecognised = used.Value;
        return null;
    }

    private Error? Charge(long bill, Card? membership, Coupon? coupon, RestPayment rest, StoredValueBalance balance, DateTimeOffset now)
    {
        if (Mode == RedemptionMode.Coupon && coupon is null)
        {
            return Error.Invalid("Choose the coupon to use.", "couponId");
        }

        if (coupon?.CannotBeUsedAt(now) is { } unusable)
        {
            return unusable;
        }

        if (bill <= 0 && coupon?.Terms.Kind != Catalog.CouponKind.Gift)
        {
            return new Error(ErrorCode.AmountOutOfRange, "The amount must be greater than zero.", "amount");
        }

        var payRate = membership?.IsActiveMembershipAt(now) == true ? membership.PayRateBasisPoints : null;
        var priced = RedemptionPricing.Price(bill, payRate, coupon?.Terms, rest, balance);
        if (!priced.IsSuccess)
        {
            return priced.Error;
        }

        var breakdown = priced.Value;
        Amount = breakdown.Bill;
        MembershipCardId = breakdown.MembershipDiscount > 0 ? membership!.Id : null;
        MembershipDiscount = breakdown.MembershipDiscount;
        CouponId = coupon?.Id;
        CouponDiscount = breakdown.CouponDiscount;
        FromPrincipal = breakdown.FromPrincipal;
        FromBonus = breakdown.FromBonus;
        PaidOutside = breakdown.PaidOutside;
        RevenueRecognised = coupon is null ? 0 : coupon.Use(Id, now).Value;
        return null;
    }

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

    /// <summary>
    /// Gives back part or all of what this payment took, within the reversal window. With neither an
    /// amount nor uses, everything still unreversed is given back. Stored value comes back principal
    /// first, never more of either part than was taken; uses go back to the times card; the coupon is
    /// usable again once the whole payment is reversed, if it is still valid.
    /// </summary>
    public Result<RedemptionReversal> Reverse(
        long? amount, int? uses, string reason, UserId reversedBy, DateTimeOffset now, TimeSpan window, Card? timesCard, Coupon? coupon)
    {
        if (now - CreatedAt > window)
        {
            return new Error(ErrorCode.ReversalWindowClosed, $"A payment can be reversed within {window.TotalHours:0.##} hours of being made.", "redemptionId");
        }

        var full = amount is null && uses is null;
        var storedValue = amount ?? (full ? StoredValueLeftToReverse : 0);
        var usesBack = uses ?? (full ? UsesLeftToReverse : 0);
        if (FullyReversed || storedValue > StoredValueLeftToReverse || usesBack > UsesLeftToReverse)
        {
            return new Error(
                ErrorCode.ReversalExceedsRemaining,
                $"Only {StoredValueLeftToReverse} (minor units) of stored value and {UsesLeftToReverse} uses of this payment are left to reverse.",
                amount is not null ? "amount" : uses is not null ? "uses" : "redemptionId");
        }

        if (storedValue < 0 || usesBack < 0 || (storedValue == 0 && usesBack == 0 && !full))
        {
            return Error.Invalid("Give back a positive amount or number of uses.", amount is not null ? "amount" : "uses");
        }

        if (usesBack > 0 && timesCard!.IsExpiredAt(now))
        {
            // Like an expired coupon: the uses could never be taken again, so they stay taken (and recognised).
            return new Error(ErrorCode.CardExpired, $"The card \"{timesCard.Name}\" has expired; its uses cannot be given back.", "uses");
        }

        var principal = Math.Min(storedValue, FromPrincipal - ReversedPrincipal);
        var bonus = storedValue - principal;
        ReversedPrincipal += principal;
        ReversedBonus += bonus;
        ReversedUses += usesBack;
        FullyReversed = StoredValueLeftToReverse == 0 && UsesLeftToReverse == 0;

        var revenueBack = usesBack > 0 ? timesCard!.Restore(usesBack) : 0;
        var couponRestored = FullyReversed && coupon is not null && coupon.TryRestore(Id, now);
        if (couponRestored)
        {
            revenueBack += coupon!.AmountPaid;
        }

        return RedemptionReversal.Create(this, principal, bonus, usesBack, couponRestored, revenueBack, reason, reversedBy, now);
    }

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
