using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Ledger;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Users;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Redemptions;
using CodeScan.Domain.Wallets;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Redemptions;

/// <summary>
/// Carries out a redemption inside the unit of work: locks the coupon or times card, then the customer's
/// stored value, lets the domain decide, and posts the transfers. Shared by <c>redeem</c> (the customer
/// confirms) and <c>writeOff</c> (a cashier with the customer's code).
/// </summary>
public sealed class RedemptionDesk(IApplicationDbContext db, ILedger ledger, IRowLocks locks, KnownPhones phones, TimeProvider clock)
{
    /// <param name="terms">The merchant's terms, and whatever of the rest the caller has read or locked already.</param>
    public async Task<Outcome<RedemptionResult>> RedeemAsync(
        PaymentTerms terms, RedemptionRequest request, Guid? timesCardId, Guid? couponId, CancellationToken cancellationToken)
    {
        var merchant = terms.Merchant;
        var customerPhone = await phones.OfAsync(db, request.CustomerId, cancellationToken);
        if (customerPhone is null)
        {
            return Error.NotFound("The customer", "customerId");
        }

        var instruments = await LockInstrumentAsync(merchant, request, timesCardId, couponId, cancellationToken);
        if (instruments.Error is { } unknown)
        {
            return unknown;
        }

        var (coupon, timesCard) = instruments.Value;
        var now = clock.GetUtcNow();
        var membership = request.Mode == RedemptionMode.TimesCard
            ? null
            : BestMembership(terms.MembershipCards ?? await MembershipCardsAsync(merchant.MerchantId, request.CustomerId, cancellationToken), now);
        var balance = terms.LockedStoredValue ?? await LockStoredValueAsync(merchant, request.CustomerId, cancellationToken);
        var decided = Redemption.Decide(request, merchant, membership, coupon, timesCard, balance, now);
        if (!decided.IsSuccess)
        {
            return decided.Error!;
        }

        var redemption = decided.Value!;
        var instrumentName = coupon?.Name ?? timesCard?.Name;
        var booked = await ledger.BookAsync(db, redemption, balanceAfter =>
            redemption.Complete(customerPhone.Masked(), balanceAfter, instrumentName, timesCard?.UsesLeft, coupon?.Terms.GiftName), cancellationToken);
        return booked is { } after
            ? Outcome<RedemptionResult>.Ok(RedemptionResult.From(redemption, after, instrumentName, timesCard?.UsesLeft))
            : new Error(ErrorCode.InsufficientBalance, "The stored value balance does not cover the amount.", "amount");
    }

    /// <summary>The coupon or times card the mode spends, locked, if it is the customer's at this merchant.</summary>
    private async Task<Result<(Coupon? Coupon, Card? TimesCard)>> LockInstrumentAsync(
        TradingTerms merchant, RedemptionRequest request, Guid? timesCardId, Guid? couponId, CancellationToken cancellationToken)
    {
        if (request.Mode == RedemptionMode.Coupon && couponId is { } wantedCoupon)
        {
            var coupon = await locks.CouponAsync(wantedCoupon, cancellationToken);
            return coupon is null || coupon.MerchantId != merchant.MerchantId || coupon.CustomerId != request.CustomerId
                ? Error.NotFound("The coupon", "couponId")
                : (coupon, null);
        }

        if (request.Mode == RedemptionMode.TimesCard && timesCardId is { } wantedCard)
        {
            var timesCard = await locks.CardAsync(wantedCard, cancellationToken);
            return timesCard is null || timesCard.MerchantId != merchant.MerchantId || timesCard.CustomerId != request.CustomerId
                ? Error.NotFound("The times card", "timesCardId")
                : (null, timesCard);
        }

        return (null, null);
    }

    /// <summary>Opens the accounts a payment touches if need be, and locks the customer's stored value.</summary>
    private async Task<StoredValueBalance> LockStoredValueAsync(TradingTerms merchant, UserId customerId, CancellationToken cancellationToken)
    {
        await ledger.EnsureAccountsAsync(
        [
            LedgerAccount.Open(AccountKind.MerchantSales, merchant.MerchantId, null, merchant.Currency),
            LedgerAccount.Open(AccountKind.MerchantDeferredRevenue, merchant.MerchantId, null, merchant.Currency),
            LedgerAccount.Open(AccountKind.CustomerPrincipal, merchant.MerchantId, customerId, merchant.Currency),
            LedgerAccount.Open(AccountKind.CustomerBonus, merchant.MerchantId, customerId, merchant.Currency),
        ], cancellationToken);

        // Locked in every mode, also when no stored value is spent: the balance this payment reports as
        // "after" must be the one in force when it commits, not one a concurrent recharge has since changed.
        return await ledger.LockStoredValueAsync(merchant.MerchantId, customerId, cancellationToken);
    }

    private Task<List<Card>> MembershipCardsAsync(MerchantId merchantId, UserId customerId, CancellationToken cancellationToken) =>
        db.Cards.AsNoTracking()
            .Where(c => c.MerchantId == merchantId && c.CustomerId == customerId && c.Kind == CardKind.MembershipCard)
            .ToListAsync(cancellationToken);

    /// <summary>The membership card with the deepest discount the customer holds at the merchant now, if any.</summary>
    private static Card? BestMembership(IReadOnlyList<Card> cards, DateTimeOffset now)
    {
        var active = cards.Where(c => c.IsActiveMembershipAt(now)).ToList();
        var deepest = RedemptionPricing.Deepest(active.Select(MembershipOption.Of));
        return active.Find(c => c.Id == deepest?.CardId);
    }
}
