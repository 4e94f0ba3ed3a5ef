using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using Mediator;

namespace CodeScan.Application.Wallets.GetWallets;

/// <summary>The signed-in customer's holdings at every merchant, from the read model.</summary>
public sealed record GetWalletsQuery : IQuery<IReadOnlyList<WalletView>>, IRequireSignedIn;

public sealed class GetWalletsHandler(IReadModelStore store, ICurrentUser currentUser) : IQueryHandler<GetWalletsQuery, IReadOnlyList<WalletView>>
{
    public async ValueTask<IReadOnlyList<WalletView>> Handle(GetWalletsQuery query, CancellationToken cancellationToken) =>
        await store.GetWalletsAsync(currentUser.RequiredId.Value, cancellationToken);
}
