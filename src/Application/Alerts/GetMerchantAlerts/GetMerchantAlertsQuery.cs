using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Alerts.GetMerchantAlerts;

/// <summary>
/// The alerts after a cursor, oldest first: how a till that was offline catches up. With <see cref="Last"/>,
/// the newest ones (before <see cref="Before"/>, when given) instead, still oldest first: how a till that just
/// opened shows recent history and learns the cursor to subscribe from, and pages back from there.
/// <see cref="After"/> and <see cref="Before"/> are alert ids as the client sent them (checked by
/// <see cref="GetMerchantAlertsValidator"/>).
/// </summary>
public sealed record GetMerchantAlertsQuery(MerchantId MerchantId, string? After, int First, int? Last = null, string? Before = null)
    : IQuery<MerchantAlertPage>, IRequireMerchantStaff;

public sealed record MerchantAlertPage(IReadOnlyList<MerchantAlertView> Alerts, bool HasNextPage, bool HasPreviousPage);

public sealed class GetMerchantAlertsHandler(IReadModelStore store) : IQueryHandler<GetMerchantAlertsQuery, MerchantAlertPage>
{
    public const int MaxPage = 100;

    public async ValueTask<MerchantAlertPage> Handle(GetMerchantAlertsQuery query, CancellationToken cancellationToken)
    {
        var merchantId = query.MerchantId.Value;

        // One more than asked tells whether another page follows (or, going back, precedes).
        if (query.Last is { } last)
        {
            var count = Math.Clamp(last, 1, MaxPage);
            long? before = query.Before is null ? null : AlertCursor.Parse(query.Before, merchantId);
            var newest = await store.GetLatestAlertsAsync(merchantId, before, count + 1, cancellationToken);
            return new MerchantAlertPage(newest.TakeLast(count).ToList(), HasNextPage: before is not null, HasPreviousPage: newest.Count > count);
        }

        var first = Math.Clamp(query.First, 1, MaxPage);
        var after = query.After is null ? 0 : AlertCursor.Parse(query.After, merchantId);
        var alerts = await store.GetAlertsAsync(merchantId, after, first + 1, cancellationToken);
        return new MerchantAlertPage(alerts.Take(first).ToList(), HasNextPage: alerts.Count > first, HasPreviousPage: query.After is not null);
    }
}
