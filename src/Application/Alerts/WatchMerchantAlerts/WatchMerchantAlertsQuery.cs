using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Alerts.WatchMerchantAlerts;

/// <summary>
/// The alert stream of one merchant, for its staff's devices. With <see cref="After"/> (the id of the last
/// alert a till heard, checked by <see cref="WatchMerchantAlertsValidator"/>) it first replays what the
/// till missed, then goes on live, without a gap or a duplicate.
/// </summary>
public sealed record WatchMerchantAlertsQuery(MerchantId MerchantId, string? After = null)
    : IQuery<IObservable<MerchantAlertView>>, IRequireMerchantStaff;

public sealed class WatchMerchantAlertsHandler(INotificationBus bus, IReadModelStore store) : IQueryHandler<WatchMerchantAlertsQuery, IObservable<MerchantAlertView>>
{
    public ValueTask<IObservable<MerchantAlertView>> Handle(WatchMerchantAlertsQuery query, CancellationToken cancellationToken)
    {
        var live = bus.Observe<MerchantAlertView>(Channels.MerchantAlerts(query.MerchantId.Value));
        return ValueTask.FromResult(query.After is { } after
            ? new ResumedAlertStream(live, store, query.MerchantId.Value, AlertCursor.Parse(after, query.MerchantId.Value))
            : live);
    }
}
