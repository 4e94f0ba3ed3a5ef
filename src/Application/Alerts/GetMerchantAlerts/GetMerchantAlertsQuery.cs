using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Alerts.GetMerchantAlerts;

/// <summary>
/// The alerts after a position, oldest first: how a till that was offline catches up. With
/// <see cref="Last"/>, the newest ones instead: how a till that just opened shows recent history and learns
/// the cursor to subscribe from. <see cref="After"/> is an alert id as the client sent it (checked by
/// <see cref="GetMerchantAlertsValidator"/>).
/// </summary>
public sealed record GetMerchantAlertsQuery(MerchantId MerchantId, string? After, int First, int? Last = null)
    : IQuery<MerchantAlertPage>, IRequireMerchantStaff;

public sealed record MerchantAlertPage(IReadOnlyList<MerchantAlertView> Alerts, bool HasNextPage);

public sealed class GetMerchantAlertsHandler(IReadModelStore store) : IQueryHandler<GetMerchantAlertsQuery, MerchantAlertPage>
{
    public const int MaxPage = 100;

    public async ValueTask<MerchantAlertPage> Handle(GetMerchantAlertsQuery query, CancellationToken cancellationToken)
    {
        if (query.Last is { } last)
        {
            return new MerchantAlertPage(await store.GetLatestAlertsAsync(query.MerchantId.Value, Math.Clamp(last, 1, MaxPage), cancellationToken), false);
        }

        var first = Math.Clamp(query.First, 1, MaxPage);
        var after = query.After is null ? 0 : AlertCursor.Parse(query.After);

        // One more than asked tells whether another page follows.
        var alerts = await store.GetAlertsAsync(query.MerchantId.Value, after, first + 1, cancellationToken);
        return new MerchantAlertPage(alerts.Take(first).ToList(), alerts.Count > first);
    }
}
