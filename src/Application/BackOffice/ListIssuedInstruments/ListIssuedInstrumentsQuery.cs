using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Paging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.BackOffice.ListIssuedInstruments;

/// <summary>
/// The merchant's back office: the cards and coupons it has issued, newest first, a page at a time,
/// from the write model. The cursor is the last entry's (issued-at ticks, id).
/// </summary>
public sealed record ListIssuedInstrumentsQuery(MerchantId MerchantId, string? After, int First)
    : IQuery<IssuedInstrumentsPage>, IRequireMerchantStaff;

public sealed record IssuedInstrumentDto(
    string Kind, Guid Id, string Name, Guid CustomerId, string CustomerPhoneMasked, IssueSource Source, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string Cursor);

public sealed record IssuedInstrumentsPage(IReadOnlyList<IssuedInstrumentDto> Items, bool HasNextPage);

public sealed class ListIssuedInstrumentsHandler(IApplicationDbContext db) : IQueryHandler<ListIssuedInstrumentsQuery, IssuedInstrumentsPage>
{
    public const int MaxPage = 100;

    public async ValueTask<IssuedInstrumentsPage> Handle(ListIssuedInstrumentsQuery query, CancellationToken cancellationToken)
    {
        var first = Math.Clamp(query.First, 1, MaxPage);
        var (before, beforeId) = KeysetCursor.ParseOrRefuse(query.After) ?? (DateTimeOffset.MaxValue, Guid.Empty);

        // Each table gives at most a page (plus the rows sharing the cursor's tick); the merge keeps the newest.
        var cards = await db.Cards.AsNoTracking()
            .Where(c => c.MerchantId == query.MerchantId && c.IssuedAt <= before)
            .OrderByDescending(c => c.IssuedAt).Take(first + 1 + MaxPage)
            .Select(c => new { Kind = "CARD", c.Id, c.Name, c.CustomerId, c.Source, c.IssuedAt, c.ExpiresAt })
            .ToListAsync(cancellationToken);
        var coupons = await db.Coupons.AsNoTracking()
            .Where(c => c.MerchantId == query.MerchantId && c.IssuedAt <= before)
            .OrderByDescending(c => c.IssuedAt).Take(first + 1 + MaxPage)
            .Select(c => new { Kind = "COUPON", c.Id, c.Name, c.CustomerId, c.Source, c.IssuedAt, c.ExpiresAt })
            .ToListAsync(cancellationToken);

        var page = cards.Concat(coupons)
            .Where(i => i.IssuedAt < before || (i.IssuedAt == before && i.Id.CompareTo(beforeId) < 0))
            .OrderByDescending(i => i.IssuedAt).ThenByDescending(i => i.Id)
            .Take(first + 1)
            .ToList();

        var customerIds = page.Select(i => i.CustomerId).Distinct().ToList();
        var phones = await db.Users.AsNoTracking().Where(u => customerIds.Contains(u.Id)).Select(u => new { u.Id, u.Phone }).ToListAsync(cancellationToken);
        var masked = phones.ToDictionary(p => p.Id, p => p.Phone.Masked());

        var items = page.Take(first)
            .Select(i => new IssuedInstrumentDto(i.Kind, i.Id, i.Name, i.CustomerId.Value, masked.GetValueOrDefault(i.CustomerId, "****"), i.Source, i.IssuedAt, i.ExpiresAt, KeysetCursor.Format(i.IssuedAt, i.Id)))
            .ToList();
        return new IssuedInstrumentsPage(items, page.Count > first);
    }
}
