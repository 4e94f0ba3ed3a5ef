using CodeScan.Application.Projections;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Redemptions;
using CodeScan.Domain.Wallets;

namespace CodeScan.Application.Analytics;

/// <summary>
/// Outstanding liability and breakage per merchant and for the platform, as per-local-day rollups (see
/// <see cref="LiabilityChanges"/>). Stored value is aged FIFO per wallet (<see cref="WalletLots"/>), cards and
/// coupons by their issue day (<see cref="HeldInstrument"/>). The lots and instruments remember the position
/// of the last event they took, so a replayed event changes nothing; the rollups are written before them, and
/// refuse an event a day has already taken.
/// </summary>
public sealed class LiabilityProjection(ILiabilityStore liability, IReadModelStore store) : IProjection
{
    public Task ApplyAsync(EventEnvelope envelope, CancellationToken cancellationToken) => envelope.Event switch
    {
        StoredValueRecharged e => RechargedAsync(envelope.Position, e, cancellationToken),
        Redeemed e => RedeemedAsync(envelope.Position, e, cancellationToken),
        RedemptionReversed e => ReversedAsync(envelope.Position, e, cancellationToken),
        CardIssued e => IssuedAsync(envelope.Position, e.MerchantId.Value, z => HeldInstrument.Of(e, Day(e.OccurredAt, z), BreaksOn(e.ExpiresAt, z)), cancellationToken),
        CouponIssued e => IssuedAsync(envelope.Position, e.MerchantId.Value, z => HeldInstrument.Of(e, Day(e.OccurredAt, z), BreaksOn(e.ExpiresAt, z)), cancellationToken),
        _ => Task.CompletedTask,
    };

    /// <summary>The cards and coupons an event makes the projection read, so that a batch can read them all at once.</summary>
    public static IEnumerable<Guid> InstrumentsOf(IDomainEvent e) => e switch
    {
        CardIssued issued => [issued.CardId],
        CouponIssued issued => [issued.CouponId],
        Redeemed r => new[] { r.TimesCardId, r.CouponId }.OfType<Guid>(),
        RedemptionReversed r => new[] { r.TimesCardId, r.CouponId }.OfType<Guid>(),
        _ => [],
    };

    /// <summary>The local day of the last moment an instrument expiring at <paramref name="expiresAt"/> can be used.</summary>
    public static DateOnly BreaksOn(DateTimeOffset expiresAt, string? timeZone) => Day(expiresAt.AddTicks(-1), timeZone);

    private static DateOnly Day(DateTimeOffset instant, string? timeZone) => SalesProjection.LocalDay(instant, timeZone);

    private async Task IssuedAsync(long position, Guid merchantId, Func<string?, HeldInstrument> issue, CancellationToken cancellationToken)
    {
        var zone = await ZoneAsync(merchantId, cancellationToken);
        var instrument = issue(zone);
        if (await liability.GetInstrumentAsync(instrument.Id, cancellationToken) is not null)
        {
            return;
        }

        var changes = new LiabilityChanges();
        instrument.Issue(changes);
        instrument.Position = position;
        await WriteAsync(merchantId, instrument.Currency, position, changes, cancellationToken);
        await liability.PutInstrumentAsync(instrument, cancellationToken);
    }

    private async Task RechargedAsync(long position, StoredValueRecharged e, CancellationToken cancellationToken)
    {
        var on = Day(e.OccurredAt, await ZoneAsync(e.MerchantId.Value, cancellationToken));
        var lots = await LotsAsync(e.MerchantId.Value, e.CustomerId.Value, position, cancellationToken);
        if (lots is null)
        {
            return;
        }

        var changes = new LiabilityChanges();
        Apply(changes, LiabilityCounters.Principal, on, WalletLots.Load(lots.Principal, on, e.Amount));
        Apply(changes, LiabilityCounters.Bonus, on, WalletLots.Load(lots.Bonus, on, e.Bonus));
        lots.Compact(on);
        await WriteAsync(e.MerchantId.Value, e.Currency, position, changes, cancellationToken);
        await liability.PutLotsAsync(lots, cancellationToken);
    }

    private async Task RedeemedAsync(long position, Redeemed e, CancellationToken cancellationToken)
    {
        var on = Day(e.OccurredAt, await ZoneAsync(e.MerchantId.Value, cancellationToken));
        var changes = new LiabilityChanges();
        var lots = e.FromStoredValue > 0 ? await LotsAsync(e.MerchantId.Value, e.CustomerId.Value, position, cancellationToken) : null;
        if (lots is not null)
        {
            var drawing = new Drawing { RedemptionId = e.RedemptionId, Principal = WalletLots.Draw(lots.Principal, e.FromPrincipal, on), Bonus = WalletLots.Draw(lots.Bonus, e.FromBonus, on) };
            Apply(changes, LiabilityCounters.Principal, on, drawing.Principal.Select(l => (l.Day, -l.Amount)));
            Apply(changes, LiabilityCounters.Bonus, on, drawing.Bonus.Select(l => (l.Day, -l.Amount)));
            lots.Remember(drawing);
            lots.Compact(on);
        }

        var card = e.TimesCardId is { } cardId ? await InstrumentAsync(cardId, position, cancellationToken) : null;
        card?.UsesNowUsed(changes, on, e.UsesLeft is { } left ? card.UsesGranted - left : card.UsesUsed + e.Uses);
        var coupon = e.CouponId is { } couponId ? await InstrumentAsync(couponId, position, cancellationToken) : null;
        coupon?.CouponNowAvailable(changes, on, available: false);
        await WriteAsync(e.MerchantId.Value, e.Currency, position, changes, cancellationToken);
        await PutAsync(lots, card, coupon, cancellationToken);
    }

    private async Task ReversedAsync(long position, RedemptionReversed e, CancellationToken cancellationToken)
    {
        var on = Day(e.OccurredAt, await ZoneAsync(e.MerchantId.Value, cancellationToken));
        var changes = new LiabilityChanges();
        var lots = e.StoredValueRestored > 0 ? await LotsAsync(e.MerchantId.Value, e.CustomerId.Value, position, cancellationToken) : null;
        if (lots is not null)
        {
            var drawing = lots.Drawings.FirstOrDefault(d => d.RedemptionId == e.RedemptionId);
            Apply(changes, LiabilityCounters.Principal, on, WalletLots.Restore(lots.Principal, drawing?.Principal, e.PrincipalRestored, on));
            Apply(changes, LiabilityCounters.Bonus, on, WalletLots.Restore(lots.Bonus, drawing?.Bonus, e.BonusRestored, on));
            lots.Compact(on);
        }

        var card = e is { TimesCardId: { } cardId, UsesRestored: > 0 } ? await InstrumentAsync(cardId, position, cancellationToken) : null;
        card?.UsesNowUsed(changes, on, e.UsesLeft is { } left ? card.UsesGranted - left : card.UsesUsed - e.UsesRestored);
        var coupon = e is { CouponId: { } couponId, CouponRestored: true } ? await InstrumentAsync(couponId, position, cancellationToken) : null;
        coupon?.CouponNowAvailable(changes, on, available: true);
        await WriteAsync(e.MerchantId.Value, e.Currency, position, changes, cancellationToken);
        await PutAsync(lots, card, coupon, cancellationToken);
    }

    private static void Apply(LiabilityChanges changes, string measure, DateOnly on, IEnumerable<(DateOnly Day, long Delta)> byLotDay)
    {
        foreach (var (day, delta) in byLotDay)
        {
            changes.Add(measure, day, on, breaksOn: null, delta);
        }
    }

    /// <summary>The wallet's lots, new when it has none, or null when they have already taken this event.</summary>
    private async Task<WalletLots?> LotsAsync(Guid merchantId, Guid customerId, long position, CancellationToken cancellationToken)
    {
        var lots = await liability.GetLotsAsync(merchantId, customerId, cancellationToken) ?? new WalletLots { MerchantId = merchantId, CustomerId = customerId };
        if (lots.Position >= position)
        {
            return null;
        }

        lots.Position = position;
        return lots;
    }

    /// <summary>The instrument, or null when it has already taken this event (or was never issued).</summary>
    private async Task<HeldInstrument?> InstrumentAsync(Guid id, long position, CancellationToken cancellationToken)
    {
        var instrument = await liability.GetInstrumentAsync(id, cancellationToken);
        if (instrument is null || instrument.Position >= position)
        {
            return null;
        }

        instrument.Position = position;
        return instrument;
    }

    private async Task PutAsync(WalletLots? lots, HeldInstrument? card, HeldInstrument? coupon, CancellationToken cancellationToken)
    {
        if (lots is not null)
        {
            await liability.PutLotsAsync(lots, cancellationToken);
        }

        foreach (var instrument in new[] { card, coupon }.OfType<HeldInstrument>())
        {
            await liability.PutInstrumentAsync(instrument, cancellationToken);
        }
    }

    /// <summary>Adds the event's changes to the merchant's days and to the platform's in its currency.</summary>
    private async Task WriteAsync(Guid merchantId, string currency, long position, LiabilityChanges changes, CancellationToken cancellationToken)
    {
        foreach (var (day, counters) in changes.Days)
        {
            await liability.AddAsync(merchantId, day, position, counters, cancellationToken);
            await liability.AddAsync(PlatformScope.Of(currency), day, position, counters, cancellationToken);
        }
    }

    private async Task<string?> ZoneAsync(Guid merchantId, CancellationToken cancellationToken) =>
        (await store.GetMerchantAsync(merchantId, cancellationToken))?.TimeZone;
}
