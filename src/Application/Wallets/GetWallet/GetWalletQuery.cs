using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Wallets.GetWallet;

/// <summary>The signed-in customer's holdings at one merchant, from the read model.</summary>
public sealed record GetWalletQuery(MerchantId MerchantId) : IQuery<WalletView?>, IRequireSignedIn;

public sealed class GetWalletHandler(IReadModelStore store, ICurrentUser currentUser) : IQueryHandler<GetWalletQuery, WalletView?>
{
    public ValueTask<WalletView?> Handle(GetWalletQuery query, CancellationToken cancellationToken) =>
        LoadAsync(store, query.MerchantId.Value, currentUser.RequiredId.Value, cancellationToken);

    /// <summary>A customer's wallet at a merchant (also how <c>node(id)</c> loads one).</summary>
    public static async ValueTask<WalletView?> LoadAsync(IReadModelStore store, Guid merchantId, Guid customerId, CancellationToken cancellationToken)
    {
        var wallet = await store.GetWalletAsync(merchantId, customerId, cancellationToken);
        if (wallet is not null)
        {
            return wallet;
        }

        // Nothing held yet: an empty wallet at a known merchant, nothing at an unknown one.
        var merchant = await store.GetMerchantAsync(merchantId, cancellationToken);
        return merchant is null ? null : WalletView.Empty(merchant.MerchantId, customerId, merchant.Currency);
    }
}
