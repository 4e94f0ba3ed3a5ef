using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;

namespace CodeScan.Domain.Redemptions;

/// <summary>Giving back part or all of a payment.</summary>
public sealed partial class Redemption
{
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
        if (CannotGiveBack(amount, uses, storedValue, usesBack, timesCard, now) is { } refused)
        {
            return refused;
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

    /// <summary>Why this much cannot be given back: more than is left, nothing at all, or uses of an expired card.</summary>
    private Error? CannotGiveBack(long? amount, int? uses, long storedValue, int usesBack, Card? timesCard, DateTimeOffset now)
    {
        var full = amount is null && uses is null;
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

        return null;
    }
}
