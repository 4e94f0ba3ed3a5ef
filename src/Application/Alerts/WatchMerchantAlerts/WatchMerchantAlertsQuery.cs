using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Application.Alerts.WatchMerchantAlerts;

/// <summary>
/// The alert stream of one merchant, for its staff's devices. With <see cref="After"/> (the id of the last
/// alert a till heard, checked by <see cref="WatchMerchantAlertsValidator"/>) it first replays what the
/// till missed, then goes on live, without a gap or a duplicate. It ends with FORBIDDEN, on every node,
/// once the subscriber is no longer on the staff or the merchant is suspended (see <see cref="WatchMerchantAlertsHandler"/>).
/// </summary>
public sealed record WatchMerchantAlertsQuery(MerchantId MerchantId, string? After = null)
    : IQuery<IObservable<MerchantAlertView>>, IRequireMerchantStaff;

public sealed class WatchMerchantAlertsHandler(INotificationBus bus, IReadModelStore store, ICurrentUser currentUser, IServiceScopeFactory scopes)
    : IQueryHandler<WatchMerchantAlertsQuery, IObservable<MerchantAlertView>>
{
    /// <remarks>
    /// Without <see cref="WatchMerchantAlertsQuery.After"/> the feed starts from now: an alert announced late, whose
    /// payment was readable before the till subscribed, is not spoken as if it were new (<see cref="NewerStream{T}"/>).
    /// </remarks>
    public async ValueTask<IObservable<MerchantAlertView>> Handle(WatchMerchantAlertsQuery query, CancellationToken cancellationToken)
    {
        var merchantId = query.MerchantId.Value;
        var live = bus.Observe<MerchantAlertView>(Channels.MerchantAlerts(merchantId));
        IObservable<MerchantAlertView> alerts = query.After is { } after
            ? new ResumedAlertStream(live, store, merchantId, AlertCursor.Parse(after, merchantId))
            : await NewerStream.AfterReadableAsync(
                live,
                async () => (await store.GetLatestAlertsAsync(merchantId, beforePosition: null, count: 1, cancellationToken)).FirstOrDefault()?.Position ?? 0,
                alert => alert.Position);
        var userId = currentUser.Id ?? throw new UnauthenticatedException();
        var changes = bus.Observe<MerchantAccessChanged>(Channels.MerchantAccess(merchantId));
        return new WhileAllowedStream<MerchantAlertView, MerchantAccessChanged>(alerts, changes, stop => RefusalAsync(query.MerchantId, userId, stop));
    }

    /// <summary>
    /// Staff hear the alerts while they are staff (an owner, or a cashier not removed) and the merchant is not
    /// suspended; a fresh scope per check, since the subscription outlives the request that started it.
    /// </summary>
    private async Task<string?> RefusalAsync(MerchantId merchantId, UserId userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Common.Abstractions.IApplicationDbContext>();
        var role = await MerchantStaffAccess.RoleOfAsync(db, merchantId, userId, cancellationToken);
        return role switch
        {
            null => "The merchant was not found.",
            { IsOwner: false, IsCashier: false } => "You are no longer on this merchant's staff.",
            { Status: Domain.Merchants.MerchantStatus.Suspended } => "This merchant is suspended: its alerts go live again when it is reinstated.",
            _ => null,
        };
    }
}
