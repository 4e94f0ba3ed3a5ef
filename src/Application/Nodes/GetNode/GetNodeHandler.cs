using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Merchants;
using CodeScan.Application.ReadModels;
using CodeScan.Application.Wallets.GetWallet;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Nodes.GetNode;

public sealed class GetNodeHandler(IApplicationDbContext db, IReadModelStore store, ICurrentUser currentUser) : IQueryHandler<GetNodeQuery, object?>
{
    public async ValueTask<object?> Handle(GetNodeQuery query, CancellationToken cancellationToken) =>
        query.Kind switch
        {
            // As GetMerchantQuery reads it (signed in, the public DTO).
            NodeKind.Merchant => await db.LoadDtoAsync(new MerchantId(query.Id), cancellationToken),

            // As GetWalletQuery reads it, and only the customer's own: anyone else gets null, as for an unknown id.
            NodeKind.Wallet when query.OwnerId == currentUser.Id?.Value =>
                await GetWalletHandler.LoadAsync(store, query.Id, query.OwnerId!.Value, cancellationToken),
            _ => null,
        };
}
