using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Alerts.WatchMerchantAlerts;

/// <summary>The live alert stream of one merchant, for its staff's devices.</summary>
public sealed record WatchMerchantAlertsQuery(MerchantId MerchantId) : IQuery<IObservable<MerchantAlertView>>, IRequireMerchantStaff;

public sealed class WatchMerchantAlertsHandler(INotificationBus bus) : IQueryHandler<WatchMerchantAlertsQuery, IObservable<MerchantAlertView>>
{
    public ValueTask<IObservable<MerchantAlertView>> Handle(WatchMerchantAlertsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(bus.Observe<MerchantAlertView>(Channels.MerchantAlerts(query.MerchantId.Value)));
}
