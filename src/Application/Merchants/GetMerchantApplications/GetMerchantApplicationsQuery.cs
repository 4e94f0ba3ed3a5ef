using System.Globalization;
using CodeScan.Application.Common.Abstractions;
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
        var merchants = db.Merchants.AsNoTracking();
        if (query.Status is { } status)
        {
            merchants = merchants.Where(m => m.Status == status);
        }

        if (query.After is not null && !Cursor.TryParse(query.After, out _, out _))
        {
            throw new InvalidQueryInputException("'after' is not a cursor returned by this API.");
        }

        // The database narrows to AppliedAt >= the cursor's; the tie-break on id is done in memory (ids are
        // stored as strings, so the provider cannot compare them as Guids). Rows sharing one tick are
        // far fewer than the slack of MaxPage taken here.
        if (Cursor.TryParse(query.After, out var afterTicks, out var afterId))
        {
            var after = new DateTimeOffset(afterTicks, TimeSpan.Zero);
            merchants = merchants.Where(m => m.AppliedAt >= after);
            var page = (await merchants.OrderBy(m => m.AppliedAt).Take(first + 1 + MaxPage).ToListAsync(cancellationToken))
                .Where(m => m.AppliedAt > after || m.Id.Value.CompareTo(afterId) > 0)
                .OrderBy(m => m.AppliedAt).ThenBy(m => m.Id.Value)
                .Take(first + 1)
                .ToList();
            return await ToPage(page, first, cancellationToken);
        }

        var rows = (await merchants.OrderBy(m => m.AppliedAt).Take(first + 1 + MaxPage).ToListAsync(cancellationToken))
            .OrderBy(m => m.AppliedAt).ThenBy(m => m.Id.Value)
            .Take(first + 1)
            .ToList();
        return await ToPage(rows, first, cancellationToken);
    }

    private async Task<MerchantApplicationsPage> ToPage(List<Merchant> rows, int first, CancellationToken cancellationToken)
    {
        var page = rows.Take(first).ToList();
        var dtos = new List<MerchantDto>(page.Count);
        foreach (var merchant in page)
        {
            dtos.Add(await db.ToDtoAsync(merchant, cancellationToken));
        }

        return new MerchantApplicationsPage(dtos, page.Select(m => Cursor.Format(m.AppliedAt.UtcTicks, m.Id.Value)).ToList(), rows.Count > first);
    }

    private static class Cursor
    {
        public static string Format(long ticks, Guid id) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{ticks.ToString(CultureInfo.InvariantCulture)}:{id:N}"));

        public static bool TryParse(string? cursor, out long ticks, out Guid id)
        {
            ticks = 0;
            id = Guid.Empty;
            if (string.IsNullOrEmpty(cursor) || cursor.Length > 100)
            {
                return false;
            }

            try
            {
                var parts = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split(':');
                return parts.Length == 2
                    && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out ticks)
                    && Guid.TryParseExact(parts[1], "N", out id);
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}
