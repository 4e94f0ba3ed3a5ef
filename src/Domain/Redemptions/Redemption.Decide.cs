using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Wallets;

namespace CodeScan.Domain.Redemptions;

/// <summary>Deciding a payment: the times card's uses, or the priced bill with its membership discount and coupon.</summary>
public sealed partial class Redemption
{
    /// <summary>
    /// Decides a payment against instruments and a balance the caller holds locked; the ledger's guarded
    /// update enforces the balance rule again in the database. The coupon or times card is used here.
    /// </summary>
    public static Result<Redemption> Decide(
        RedemptionRequest request, TradingTerms merchant, Card? membership, Coupon? coupon, Card? timesCard, StoredValueBalance balance, DateTimeOffset now)
    {
        if (merchant.Refusal(Trade.Payment) is { } refused)
        {
            return refused;
        }

        var redemption = new Redemption
        {
            Id = NewId.Next(),
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
}
