using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Paging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Merchants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Merchants.GetMerchantApplications;

/// <summary>
/// Platform admins: merchants by status, oldest application first, a page at a time. The cursor is the
/// last row's (applied-at ticks, id), so paging is stable while new applications arrive.
/// </summary>
public sealed record GetMerchantApplicationsQuery(MerchantStatus? Status, string? After, int First)
    : IQuery<MerchantApplicationsPage>, IRequirePlatformAdmin;

public sealed record MerchantApplicationsPage(IReadOnlyList<MerchantDto> Merchants, IReadOnlyList<string> Cursors, bool HasNextPage);

public sealed class GetMerchantApplicationsHandler(IApplicationDbContext db) : IQueryHandler<GetMerchantApplicationsQuery, MerchantApplicationsPage>
{
    public const int MaxPage = 100;

    public async ValueTask<MerchantApplicationsPage> Handle(GetMerchantApplicationsQuery query, CancellationToken cancellationToken)
    {
        var first = Math.Clamp(query.First, 1, MaxPage);
        var after = KeysetCursor.ParseOrRefuse(query.After);
        var merchants = db.Merchants.AsNoTracking();
        if (query.Status is { } status)
        {
            merchants = merchants.Where(m => m.Status == status);
        }

        // The database narrows to AppliedAt >= the cursor's; the tie-break on id is done in memory (ids are
        // stored as strings, so the provider cannot compare them as Guids). Rows sharing one tick are
        // far fewer than the slack of MaxPage taken here.
        if (after is { } from)
        {
            merchants = merchants.Where(m => m.AppliedAt >= from.At);
        }

        var rows = (await merchants.OrderBy(m => m.AppliedAt).Take(first + 1 + MaxPage).ToListAsync(cancellationToken))
            .Where(m => after is not { } cursor || m.AppliedAt > cursor.At || m.Id.Value.CompareTo(cursor.Id) > 0)
            .OrderBy(m => m.AppliedAt).ThenBy(m => m.Id.Value)
            .Take(first + 1)
            .ToList();
        var page = rows.Take(first).ToList();
        return new MerchantApplicationsPage(
            await db.ToDtosAsync(page, cancellationToken),
            page.Select(m => KeysetCursor.Format(m.AppliedAt, m.Id.Value)).ToList(),
            rows.Count > first);
    }
}
