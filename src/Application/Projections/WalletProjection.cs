using CodeScan.Application.ReadModels;
using CodeScan.Domain.Redemptions;
using CodeScan.Domain.Wallets;

namespace CodeScan.Application.Projections;

/// <summary>Balance per customer per merchant. Events carry the balance after, so applying one is a plain set.</summary>
public sealed class WalletProjection(IReadModelStore store, INotificationBus bus) : IProjection
{
    public Task ApplyAsync(EventEnvelope envelope, CancellationToken cancellationToken) => envelope.Event switch
    {
        StoredValueRecharged e => Set(new WalletView(e.MerchantId.Value, e.CustomerId.Value, e.Currency, e.PrincipalAfter, e.BonusAfter, envelope.Position, e.OccurredAt), cancellationToken),
        StoredValueRedeemed e => Set(new WalletView(e.MerchantId.Value, e.CustomerId.Value, e.Currency, e.PrincipalAfter, e.BonusAfter, envelope.Position, e.OccurredAt), cancellationToken),
        _ => Task.CompletedTask,
    };

    private async Task Set(WalletView next, CancellationToken cancellationToken)
    {
        var current = await store.GetWalletAsync(next.MerchantId, next.CustomerId, cancellationToken);
        if (current is not null && current.Position >= next.Position)
        {
            return;
        }

        await store.PutWalletAsync(next, cancellationToken);
        await bus.PublishAsync(Channels.WalletChanged(next.MerchantId, next.CustomerId), next, cancellationToken);
    }
}
