using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Domain.Redemptions;
using CodeScan.Domain.Wallets;

namespace CodeScan.Application.Projections;

/// <summary>
/// The merchant's alert feed: one entry per payment or recharge, published to the tills once, when it is
/// first appended (a replayed event finds its alert already there and stays silent).
/// </summary>
public sealed class MerchantAlertProjection(IReadModelStore store, INotificationBus bus) : IProjection
{
    public async Task ApplyAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var alert = envelope.Event switch
        {
            StoredValueRedeemed e => await Alert(envelope, e.MerchantId.Value, AlertKind.StoredValueRedeemed, e.Amount, 0, e.Currency, e.CustomerPhoneMasked, e.PrincipalAfter + e.BonusAfter, e.OccurredAt, cancellationToken),
            StoredValueRecharged e => await Alert(envelope, e.MerchantId.Value, AlertKind.StoredValueRecharged, e.Amount, e.Bonus, e.Currency, e.CustomerPhoneMasked, e.PrincipalAfter + e.BonusAfter, e.OccurredAt, cancellationToken),
            _ => null,
        };

        if (alert is not null && await store.AppendAlertAsync(alert, cancellationToken))
        {
            await bus.PublishAsync(Channels.MerchantAlerts(alert.MerchantId), alert, cancellationToken);
        }
    }

    private async Task<MerchantAlertView> Alert(
        EventEnvelope envelope, Guid merchantId, AlertKind kind, long amount, long bonus, string currency, string phoneMasked, long balanceAfter, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var merchant = await store.GetMerchantAsync(merchantId, cancellationToken);
        return new MerchantAlertView(envelope.Position, merchantId, kind, amount, bonus, currency, phoneMasked, balanceAfter, merchant?.Locale ?? Locales.ZhCn, occurredAt);
    }
}
