using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Merchants.GetMerchant;

/// <summary>A merchant's public profile and status.</summary>
public sealed record GetMerchantQuery(MerchantId MerchantId) : IQuery<MerchantDto?>, IRequireSignedIn;

public sealed class GetMerchantHandler(IApplicationDbContext db) : IQueryHandler<GetMerchantQuery, MerchantDto?>
{
    public async ValueTask<MerchantDto?> Handle(GetMerchantQuery query, CancellationToken cancellationToken) =>
        await db.LoadDtoAsync(query.MerchantId, cancellationToken);
}
