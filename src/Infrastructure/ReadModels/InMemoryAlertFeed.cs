using CodeScan.Application.ReadModels;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>Embedded mode's alert feed: the in-memory history, then the in-process bus, once per alert.</summary>
internal sealed class InMemoryAlertFeed(InMemoryReadModelStore store, INotificationBus bus) : IAlertFeed
{
    public Task AppendAsync(MerchantAlertView alert, CancellationToken cancellationToken) =>
        store.AppendAlert(alert)
            ? bus.PublishAsync(Channels.MerchantAlerts(alert.MerchantId), alert, cancellationToken)
            : Task.CompletedTask;
}
