using CodeScan.Application.ReadModels;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Redemptions;

namespace CodeScan.Application.Analytics;

/// <summary>A coupon or card as the performance projection needs it: whose row it counts in, when it was issued and ends.</summary>
public sealed record InstrumentFacts(Guid ItemId, PerformanceItemKind Kind, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, int? UsesGranted)
{
    public static InstrumentFacts Of(CouponHolding c) => new(c.TemplateId, PerformanceItemKind.Coupon, c.IssuedAt, c.ExpiresAt, null);

    public static InstrumentFacts Of(CardHolding c) => new(c.ProductId, KindOf(c.Kind), c.IssuedAt, c.ExpiresAt, c.UsesGranted);

    public static PerformanceItemKind KindOf(CardKind kind) => kind == CardKind.TimesCard ? PerformanceItemKind.TimesCard : PerformanceItemKind.MembershipCard;
}

/// <summary>
/// What one event adds to the performance rollups, gathered per rollup, scope and day so that each rollup takes
/// the event once. Every change counts twice: in the merchant's row of the item (its template or product id) and
/// in the platform's row of the item's kind, in the merchant's currency (<see cref="PlatformScope"/>).
/// </summary>
public sealed class PerformanceChanges(Guid merchantId, string? timeZone, string currency)
{
    private readonly Dictionary<(PerformanceRollup Rollup, Guid Scope, DateOnly Day), Dictionary<string, long>> _changes = [];

    public IEnumerable<(PerformanceRollup Rollup, Guid Scope, DateOnly Day, IReadOnlyDictionary<string, long> Counters)> All =>
        _changes.Select(c => (c.Key.Rollup, c.Key.Scope, c.Key.Day, (IReadOnlyDictionary<string, long>)c.Value));

    public void Issued(InstrumentFacts item, IssueSource source, long amountPaid)
    {
        Add(item, item.IssuedAt, PerformanceCounters.Issued(source), 1);
        Add(item, item.IssuedAt, PerformanceCounters.IssuedAmount, amountPaid);
        Expiry(item, +1);
    }

    public void Redeemed(Redeemed e, WalletView? wallet)
    {
        if (e.CouponId is { } couponId && wallet?.Coupons.FirstOrDefault(c => c.CouponId == couponId) is { } coupon)
        {
            var item = InstrumentFacts.Of(coupon);
            Payment(item, e, e.CouponDiscount, 0);
            FirstUse(item, e.OccurredAt);
            Expiry(item, -1);
        }

        if (e.TimesCardId is { } cardId && wallet?.Cards.FirstOrDefault(c => c.CardId == cardId) is { } card)
        {
            var item = InstrumentFacts.Of(card);
            Payment(item, e, 0, e.Uses);
            if (e.UsesLeft + e.Uses == item.UsesGranted)
            {
                FirstUse(item, e.OccurredAt);
            }

            if (e.UsesLeft == 0)
            {
                Expiry(item, -1);
            }
        }

        if (e.MembershipCardId is { } membershipId && wallet?.Cards.FirstOrDefault(c => c.CardId == membershipId) is { } membership)
        {
            Payment(InstrumentFacts.Of(membership), e, e.MembershipDiscount, 0);
        }
    }

    public void Reversed(RedemptionReversed e, WalletView? wallet)
    {
        if (e.CouponId is { } couponId && wallet?.Coupons.FirstOrDefault(c => c.CouponId == couponId) is { } coupon)
        {
            var item = InstrumentFacts.Of(coupon);
            Reversal(item, e);
            if (e.CouponRestored)
            {
                Add(item, item.IssuedAt, PerformanceCounters.Cohort, -1);
                Expiry(item, +1);
            }
        }

        if (e.TimesCardId is { } cardId && wallet?.Cards.FirstOrDefault(c => c.CardId == cardId) is { } card)
        {
            var item = InstrumentFacts.Of(card);
            Reversal(item, e);
            if (e.UsesRestored > 0 && e.UsesLeft == item.UsesGranted)
            {
                Add(item, item.IssuedAt, PerformanceCounters.Cohort, -1);
            }

            if (e.UsesRestored > 0 && e.UsesLeft - e.UsesRestored == 0)
            {
                Expiry(item, +1);
            }
        }
    }

    private void Payment(InstrumentFacts item, Redeemed e, long discount, int uses)
    {
        Add(item, e.OccurredAt, PerformanceCounters.Redeemed, 1);
        Add(item, e.OccurredAt, PerformanceCounters.RedeemedBill, e.Amount);
        Add(item, e.OccurredAt, PerformanceCounters.RedeemedDiscount, discount);
        Add(item, e.OccurredAt, PerformanceCounters.RedeemedUses, uses);
    }

    private void Reversal(InstrumentFacts item, RedemptionReversed e)
    {
        Add(item, e.OccurredAt, PerformanceCounters.Reversed, 1);
        Add(item, e.OccurredAt, PerformanceCounters.ReversedRefund, e.PrincipalRestored + e.BonusRestored + e.OutsideToRefund);
        Add(item, e.OccurredAt, PerformanceCounters.ReversedUses, e.UsesRestored);
    }

    /// <summary>The instrument is used for the first time (or again after a reversal gave all of it back).</summary>
    private void FirstUse(InstrumentFacts item, DateTimeOffset at)
    {
        Add(item, item.IssuedAt, PerformanceCounters.Cohort, 1);
        Add(item, at, RedeemTimeHistogram.Measure(at - item.IssuedAt), 1);
    }

    /// <summary>The instrument starts (+1) or stops (−1) having value left when it expires.</summary>
    private void Expiry(InstrumentFacts item, int delta)
    {
        var day = DateOnly.FromDateTime(item.ExpiresAt.UtcDateTime);
        foreach (var (scope, key) in Rows(item))
        {
            Bump(PerformanceRollup.ExpiryTotals, scope, day, key, delta);
            Bump(PerformanceRollup.ExpiryDetail, scope, day, PerformanceCounters.ExpiryDetail(key, item.ExpiresAt), delta);
        }
    }

    private void Add(InstrumentFacts item, DateTimeOffset at, string measure, long value)
    {
        var day = SalesProjection.LocalDay(at, timeZone);
        foreach (var (scope, key) in Rows(item))
        {
            Bump(PerformanceRollup.Local, scope, day, PerformanceCounters.Name(key, measure), value);
        }
    }

    private (Guid Scope, string Key)[] Rows(InstrumentFacts item) =>
        [(merchantId, PerformanceCounters.ItemKey(item.ItemId)), (PlatformScope.Of(currency), item.Kind.ToString())];

    private void Bump(PerformanceRollup rollup, Guid scope, DateOnly day, string name, long value)
    {
        if (value == 0)
        {
            return;
        }

        var counters = _changes.TryGetValue((rollup, scope, day), out var found) ? found : _changes[(rollup, scope, day)] = new(StringComparer.Ordinal);
        counters[name] = counters.GetValueOrDefault(name) + value;
    }
}
