using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Merchants.GetMerchant;

/// <summary>A merchant's public profile and status.</summary>
public sealed record GetMerchantQuery(MerchantId MerchantId) : IQuery<MerchantDto?>, IRequireSignedIn;

public sealed class GetMerchantHandler(IApplicationDbContext db) : IQueryHandler<GetMerchantQuery, MerchantDto?>
{
    public async ValueTask<MerchantDto?> Handle(GetMerchantQuery query, CancellationToken cancellationToken)
    {
        var merchant = await db.Merchants.AsNoTracking().SingleOrDefaultAsync(m => m.Id == query.MerchantId, cancellationToken);
        return merchant is null ? null : await db.ToDtoAsync(merchant, cancellationToken);
    }
}
