using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Alerts.GetMerchantAlerts;

/// <summary>The alerts after a position, oldest first: how a till that was offline catches up.</summary>
public sealed record GetMerchantAlertsQuery(MerchantId MerchantId, long AfterPosition, int First)
    : IQuery<MerchantAlertPage>, IRequireMerchantStaff;

public sealed record MerchantAlertPage(IReadOnlyList<MerchantAlertView> Alerts, bool HasNextPage);

public sealed class GetMerchantAlertsHandler(IReadModelStore store) : IQueryHandler<GetMerchantAlertsQuery, MerchantAlertPage>
{
    public const int MaxPage = 100;

    public async ValueTask<MerchantAlertPage> Handle(GetMerchantAlertsQuery query, CancellationToken cancellationToken)
    {
        var first = Math.Clamp(query.First, 1, MaxPage);

        // One more than asked tells whether another page follows.
        var alerts = await store.GetAlertsAsync(query.MerchantId.Value, Math.Max(0, query.AfterPosition), first + 1, cancellationToken);
        return new MerchantAlertPage(alerts.Take(first).ToList(), alerts.Count > first);
    }
}
