using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Wallets.WatchWallet;

/// <summary>The signed-in customer's wallet at one merchant, pushed each time it changes.</summary>
public sealed record WatchWalletQuery(MerchantId MerchantId) : IQuery<IObservable<WalletView>>, IRequireSignedIn;

/// <remarks>
/// A wallet is announced after it is projected, without the projector waiting for the announcement, so one can reach a
/// subscriber after a later state of the same wallet was readable, or after a later announcement. The feed passes on
/// only wallets past the one readable when it started and past every one it pushed (<see cref="NewerStream{T}"/>): a
/// customer never sees a balance go back, nor a change they had already read.
/// </remarks>
public sealed class WatchWalletHandler(INotificationBus bus, IReadModelStore store, ICurrentUser currentUser) : IQueryHandler<WatchWalletQuery, IObservable<WalletView>>
{
    public async ValueTask<IObservable<WalletView>> Handle(WatchWalletQuery query, CancellationToken cancellationToken)
    {
        var merchantId = query.MerchantId.Value;
        var customerId = currentUser.RequiredId.Value;
        return await NewerStream.AfterReadableAsync(
            bus.Observe<WalletView>(Channels.WalletChanged(merchantId, customerId)),
            async () => (await store.GetWalletAsync(merchantId, customerId, cancellationToken))?.Position ?? 0,
            wallet => wallet.Position);
    }
}
