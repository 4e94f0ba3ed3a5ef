using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Merchants.GetMyMerchants;

/// <summary>The merchants the signed-in user owns or works at as a cashier or an analyst, with their review history.</summary>
public sealed record GetMyMerchantsQuery : IQuery<IReadOnlyList<MerchantDto>>, IRequireSignedIn;

public sealed class GetMyMerchantsHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetMyMerchantsQuery, IReadOnlyList<MerchantDto>>
{
    public async ValueTask<IReadOnlyList<MerchantDto>> Handle(GetMyMerchantsQuery query, CancellationToken cancellationToken)
    {
        var me = currentUser.RequiredId;
        var merchants = await db.Merchants.AsNoTracking()
            .Where(m => m.OwnerId == me || m.Staff.Any(s => s.UserId == me && s.RemovedAt == null))
            .OrderBy(m => m.AppliedAt)
            .Take(100)
            .ToListAsync(cancellationToken);
        return await db.ToDtosAsync(merchants, cancellationToken);
    }
}
