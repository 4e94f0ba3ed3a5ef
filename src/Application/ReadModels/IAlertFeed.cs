namespace CodeScan.Application.ReadModels;

/// <summary>
/// A merchant's alert feed: the replayable history its tills read, and the live announcement they hear.
/// </summary>
public interface IAlertFeed
{
    /// <summary>
    /// Appends the alert unless one at the same or a later position is there (a replayed event), and only
    /// when it was appended announces it to the merchant's tills: every alert is heard once, in order.
    /// </summary>
    Task AppendAsync(MerchantAlertView alert, CancellationToken cancellationToken);
}

/// <summary>The feed over the read store and the notification bus, one after the other (embedded mode).</summary>
public sealed class StoreAndBusAlertFeed(IReadModelStore store, INotificationBus bus) : IAlertFeed
{
    public async Task AppendAsync(MerchantAlertView alert, CancellationToken cancellationToken)
    {
        if (await store.AppendAlertAsync(alert, cancellationToken))
        {
            await bus.PublishAsync(Channels.MerchantAlerts(alert.MerchantId), alert, cancellationToken);
        }
    }
}
