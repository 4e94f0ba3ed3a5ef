using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Merchants;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Nodes.GetNode;

public sealed class GetNodeHandler(IApplicationDbContext db) : IQueryHandler<GetNodeQuery, object?>
{
    public async ValueTask<object?> Handle(GetNodeQuery query, CancellationToken cancellationToken) =>
        query.Kind switch
        {
            // As GetMerchantQuery reads it (signed in, the public DTO).
            NodeKind.Merchant => await db.LoadDtoAsync(new MerchantId(query.Id), cancellationToken),
            _ => null,
        };
}
