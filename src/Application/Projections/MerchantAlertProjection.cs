using CodeScan.Application.ReadModels;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Redemptions;
using CodeScan.Domain.Wallets;

namespace CodeScan.Application.Projections;

/// <summary>
/// The merchant's alert feed: one entry per payment or recharge, published to the tills once, when it is
/// first appended (a replayed event finds its alert already there and stays silent).
/// </summary>
public sealed class MerchantAlertProjection(IReadModelStore store, IAlertFeed feed) : IProjection
{
    public async Task ApplyAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var alert = envelope.Event switch
        {
            Redeemed e => (await Alert(envelope, e.MerchantId.Value, KindOf(e.Mode), e.FromStoredValue, 0, e.Currency, e.CustomerPhoneMasked, e.PrincipalAfter + e.BonusAfter, e.OccurredAt, cancellationToken)) with
            {
                ItemName = e.InstrumentName,
                Bill = e.Amount,
                Discount = e.MembershipDiscount + e.CouponDiscount,
                PaidOutside = e.PaidOutside,
                Uses = e.Uses,
                UsesLeft = e.UsesLeft,
                RedemptionId = e.RedemptionId,
                Gift = e.GiftName,
            },
            RedemptionReversed e => (await Alert(envelope, e.MerchantId.Value, AlertKind.RedemptionReversed, e.StoredValueRestored, 0, e.Currency, e.CustomerPhoneMasked, e.PrincipalAfter + e.BonusAfter, e.OccurredAt, cancellationToken)) with
            {
                ItemName = e.InstrumentName,
                Uses = e.UsesRestored,
                UsesLeft = e.UsesLeft,
                RedemptionId = e.RedemptionId,
                CouponRestored = e.CouponRestored,
                PaidOutside = e.OutsideToRefund,
                ReversedMode = e.Mode,
            },
            StoredValueRecharged e => await Alert(envelope, e.MerchantId.Value, AlertKind.StoredValueRecharged, e.Amount, e.Bonus, e.Currency, e.CustomerPhoneMasked, e.PrincipalAfter + e.BonusAfter, e.OccurredAt, cancellationToken),
            CardIssued e => await Issued(envelope, e.MerchantId.Value, e.CustomerId.Value, e.Kind == CardKind.TimesCard ? AlertKind.TimesCardIssued : AlertKind.MembershipCardIssued, e.Name, e.AmountPaid, e.Currency, e.CustomerPhoneMasked, e.OccurredAt, cancellationToken),
            CouponIssued e => await Issued(envelope, e.MerchantId.Value, e.CustomerId.Value, AlertKind.CouponIssued, e.Name, e.AmountPaid, e.Currency, e.CustomerPhoneMasked, e.OccurredAt, cancellationToken),
            _ => null,
        };

        if (alert is not null)
        {
            await feed.AppendAsync(alert, cancellationToken);
        }
    }

    private static AlertKind KindOf(RedemptionMode mode) => mode switch
    {
        RedemptionMode.TimesCard => AlertKind.TimesCardRedeemed,
        RedemptionMode.Coupon => AlertKind.CouponRedeemed,
        _ => AlertKind.StoredValueRedeemed,
    };

    /// <summary>Issuance leaves stored value as it was: the alert reports the wallet's balance as the wallet projection left it.</summary>
    private async Task<MerchantAlertView> Issued(
        EventEnvelope envelope, Guid merchantId, Guid customerId, AlertKind kind, string name, long amountPaid, string currency, string phoneMasked, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var wallet = await store.GetWalletAsync(merchantId, customerId, cancellationToken);
        var alert = await Alert(envelope, merchantId, kind, amountPaid, 0, currency, phoneMasked, wallet?.Balance ?? 0, occurredAt, cancellationToken);
        return alert with { ItemName = name };
    }

    private async Task<MerchantAlertView> Alert(
        EventEnvelope envelope, Guid merchantId, AlertKind kind, long amount, long bonus, string currency, string phoneMasked, long balanceAfter, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var merchant = await store.GetMerchantAsync(merchantId, cancellationToken);
        return new MerchantAlertView(envelope.Position, merchantId, kind, amount, bonus, currency, phoneMasked, balanceAfter, merchant?.Locale ?? Locales.ZhCn, occurredAt);
    }
}
