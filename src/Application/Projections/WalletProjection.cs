using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Redemptions;
using CodeScan.Domain.Wallets;

namespace CodeScan.Application.Projections;

/// <summary>
/// Holdings per customer per merchant: stored value (events carry the balance after, so applying one is a
/// plain set), and the cards and coupons issued, with the terms they were issued with.
/// </summary>
public sealed class WalletProjection(IReadModelStore store, INotificationBus bus) : IProjection
{
    public Task ApplyAsync(EventEnvelope envelope, CancellationToken cancellationToken) => envelope.Event switch
    {
        StoredValueRecharged e => Change(e.MerchantId.Value, e.CustomerId.Value, envelope, w => w with { Principal = e.PrincipalAfter, Bonus = e.BonusAfter }, cancellationToken),
        Redeemed e => Change(e.MerchantId.Value, e.CustomerId.Value, envelope, w => w with
        {
            Principal = e.PrincipalAfter,
            Bonus = e.BonusAfter,
            Cards = e.TimesCardId is { } card ? WithUsesLeft(w.Cards, card, e.UsesLeft) : w.Cards,
            Coupons = e.CouponId is { } coupon ? WithStatus(w.Coupons, coupon, CouponStatus.Used) : w.Coupons,
        }, cancellationToken),
        RedemptionReversed e => Change(e.MerchantId.Value, e.CustomerId.Value, envelope, w => w with
        {
            Principal = e.PrincipalAfter,
            Bonus = e.BonusAfter,
            Cards = e.TimesCardId is { } card && e.UsesRestored > 0 ? WithUsesLeft(w.Cards, card, e.UsesLeft) : w.Cards,
            Coupons = e.CouponId is { } coupon && e.CouponRestored ? WithStatus(w.Coupons, coupon, CouponStatus.Available) : w.Coupons,
        }, cancellationToken),
        CardIssued e => Change(e.MerchantId.Value, e.CustomerId.Value, envelope, w => w with
        {
            Cards = [.. w.Cards, new CardHolding(e.CardId, e.ProductId, e.Kind, e.Name, e.UsesGranted, e.UsesGranted, e.PayRateBasisPoints, e.ValidFrom, e.ExpiresAt, e.OccurredAt)],
        }, cancellationToken),
        CouponIssued e => Change(e.MerchantId.Value, e.CustomerId.Value, envelope, w => w with
        {
            Coupons = [.. w.Coupons, new CouponHolding(e.CouponId, e.TemplateId, e.Name, e.Terms, e.ValidFrom, e.ExpiresAt, CouponStatus.Available, e.OccurredAt)],
        }, cancellationToken),
        _ => Task.CompletedTask,
    };

    /// <summary>The wallet an event changes, if it changes one: lets the projector read a batch's wallets in one go.</summary>
    public static (Guid MerchantId, Guid CustomerId)? WalletOf(IDomainEvent domainEvent) => domainEvent switch
    {
        StoredValueRecharged e => (e.MerchantId.Value, e.CustomerId.Value),
        Redeemed e => (e.MerchantId.Value, e.CustomerId.Value),
        RedemptionReversed e => (e.MerchantId.Value, e.CustomerId.Value),
        CardIssued e => (e.MerchantId.Value, e.CustomerId.Value),
        CouponIssued e => (e.MerchantId.Value, e.CustomerId.Value),
        _ => null,
    };

    private static IReadOnlyList<CardHolding> WithUsesLeft(IReadOnlyList<CardHolding> cards, Guid cardId, int? usesLeft) =>
        [.. cards.Select(c => c.CardId == cardId ? c with { UsesLeft = usesLeft } : c)];

    private static IReadOnlyList<CouponHolding> WithStatus(IReadOnlyList<CouponHolding> coupons, Guid couponId, CouponStatus status) =>
        [.. coupons.Select(c => c.CouponId == couponId ? c with { Status = status } : c)];

    private async Task Change(Guid merchantId, Guid customerId, EventEnvelope envelope, Func<WalletView, WalletView> change, CancellationToken cancellationToken)
    {
        var current = await store.GetWalletAsync(merchantId, customerId, cancellationToken);
        if (current is not null && current.Position >= envelope.Position)
        {
            return;
        }

        if (current is null)
        {
            var merchant = await store.GetMerchantAsync(merchantId, cancellationToken);
            current = WalletView.Empty(merchantId, customerId, merchant?.Currency ?? Domain.Common.Currencies.Default);
        }

        var next = change(current) with { Position = envelope.Position, AsOf = envelope.Event.OccurredAt };
        await store.PutWalletAsync(next, cancellationToken);
        await bus.PublishAsync(Channels.WalletChanged(merchantId, customerId), next, cancellationToken);
    }
}
