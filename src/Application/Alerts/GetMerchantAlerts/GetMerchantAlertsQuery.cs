using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Alerts.GetMerchantAlerts;

/// <summary>The alerts after a position, oldest first: how a till that was offline catches up.</summary>
public sealed record GetMerchantAlertsQuery(MerchantId MerchantId, long AfterPosition, int Limit)
    : IQuery<IReadOnlyList<MerchantAlertView>>, IRequireMerchantStaff;

public sealed class GetMerchantAlertsHandler(IReadModelStore store) : IQueryHandler<GetMerchantAlertsQuery, IReadOnlyList<MerchantAlertView>>
{
    public const int MaxPage = 100;

    public async ValueTask<IReadOnlyList<MerchantAlertView>> Handle(GetMerchantAlertsQuery query, CancellationToken cancellationToken) =>
        await store.GetAlertsAsync(query.MerchantId.Value, Math.Max(0, query.AfterPosition), Math.Clamp(query.Limit, 1, MaxPage), cancellationToken);
}
