using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Merchants;

namespace CodeScan.Application.Projections;

/// <summary>
/// Tells every node when a merchant's staff or standing shrinks, so subscriptions that depended on it end
/// (Alerts/WatchMerchantAlerts). It keeps no view: a replayed event announces again, and all an
/// announcement does is make live feeds check their subscriber once more, which is harmless.
/// </summary>
public sealed class MerchantAccessProjection(INotificationBus bus) : IProjection
{
    public Task ApplyAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var merchantId = envelope.Event switch
        {
            CashierRemoved e => e.MerchantId.Value,
            MerchantSuspended e => e.MerchantId.Value,
            _ => (Guid?)null,
        };

        return merchantId is { } id
            ? bus.PublishAsync(Channels.MerchantAccess(id), new MerchantAccessChanged(id), cancellationToken)
            : Task.CompletedTask;
    }
}
