using CodeScan.Domain.Catalog;
using CodeScan.Domain.Instruments;
using static CodeScan.Application.Analytics.LiabilityCounters;

namespace CodeScan.Application.Analytics;

public enum HeldInstrumentKind
{
    TimesCard,
    MembershipCard,
    Coupon,
}

/// <summary>
/// A card or coupon as the liability projection keeps it: what is still owed on it, the local day it was
/// issued (its aging) and the local day it turns into breakage, both fixed at issue in the merchant's zone.
/// </summary>
public sealed class HeldInstrument
{
    public Guid Id { get; init; }

    public Guid MerchantId { get; init; }

    public HeldInstrumentKind Kind { get; init; }

    public string Currency { get; init; } = string.Empty;

    public DateOnly IssuedOn { get; init; }

    /// <summary>The local day of its last valid moment: from the close of that day it is no longer owed.</summary>
    public DateOnly BreaksOn { get; init; }

    public long AmountPaid { get; init; }

    public int UsesGranted { get; init; }

    public int UsesUsed { get; set; }

    public long FaceValue { get; init; }

    /// <summary>A coupon not used.</summary>
    public bool Available { get; set; }

    /// <summary>The position of the last event applied.</summary>
    public long Position { get; set; }

    public static HeldInstrument Of(CardIssued e, DateOnly issuedOn, DateOnly breaksOn) => new()
    {
        Id = e.CardId, MerchantId = e.MerchantId.Value, Currency = e.Currency, IssuedOn = issuedOn, BreaksOn = breaksOn, AmountPaid = e.AmountPaid,
        Kind = e.Kind == CardKind.TimesCard ? HeldInstrumentKind.TimesCard : HeldInstrumentKind.MembershipCard, UsesGranted = e.UsesGranted ?? 0,
    };

    public static HeldInstrument Of(CouponIssued e, DateOnly issuedOn, DateOnly breaksOn) => new()
    {
        Id = e.CouponId, MerchantId = e.MerchantId.Value, Currency = e.Currency, IssuedOn = issuedOn, BreaksOn = breaksOn, AmountPaid = e.AmountPaid,
        Kind = HeldInstrumentKind.Coupon, Available = true,
        FaceValue = e.Terms.Kind is CouponKind.CashOff or CouponKind.Threshold ? e.Terms.AmountOff : 0,
    };

    /// <summary>The instrument enters the liability on its issue day.</summary>
    public void Issue(LiabilityChanges changes)
    {
        switch (Kind)
        {
            case HeldInstrumentKind.TimesCard:
                Change(changes, IssuedOn, (TimesCards, UsesGranted > 0 ? 1 : 0), (Uses, UsesGranted), (TimesCardValue, AmountPaid));
                break;
            case HeldInstrumentKind.MembershipCard:
                Change(changes, IssuedOn, (MembershipCards, 1), (MembershipValue, AmountPaid));
                break;
            default:
                Change(changes, IssuedOn, (Coupons, 1), (CouponFaceValue, FaceValue), (CouponValue, AmountPaid));
                break;
        }
    }

    /// <summary>A times card now has <paramref name="usesUsed"/> uses taken (after a payment or a reversal).</summary>
    public void UsesNowUsed(LiabilityChanges changes, DateOnly on, int usesUsed)
    {
        var before = UsesUsed;
        UsesUsed = usesUsed;
        Change(
            changes,
            on,
            (TimesCards, (UsesGranted - usesUsed > 0 ? 1 : 0) - (UsesGranted - before > 0 ? 1 : 0)),
            (Uses, before - usesUsed),
            (TimesCardValue, Recognised(before) - Recognised(usesUsed)));
    }

    /// <summary>A coupon used (<paramref name="available"/> false) or given back by a reversal (true).</summary>
    public void CouponNowAvailable(LiabilityChanges changes, DateOnly on, bool available)
    {
        if (available == Available)
        {
            return;
        }

        Available = available;
        var sign = available ? 1 : -1;
        Change(changes, on, (Coupons, sign), (CouponFaceValue, sign * FaceValue), (CouponValue, sign * AmountPaid));
    }

    /// <summary>The share of the price recognised after n uses, floored as <see cref="Card"/> recognises it.</summary>
    private long Recognised(int usesUsed) => UsesGranted > 0 ? AmountPaid * usesUsed / UsesGranted : 0;

    private void Change(LiabilityChanges changes, DateOnly on, params (string Measure, long Delta)[] deltas)
    {
        foreach (var (measure, delta) in deltas)
        {
            changes.Add(measure, IssuedOn, on, BreaksOn, delta);
        }
    }
}
