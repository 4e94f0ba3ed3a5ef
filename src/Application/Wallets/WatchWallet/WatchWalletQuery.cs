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
        var changes = bus.Observe<WalletView>(Channels.WalletChanged(merchantId, customerId));
        return new NewerStream<WalletView>(changes, await ReadablePositionAsync(merchantId, customerId, cancellationToken), wallet => wallet.Position);
    }

    /// <summary>The position of the wallet a read would return now; 0 when there is none, or the read models cannot say.</summary>
    private async Task<long> ReadablePositionAsync(Guid merchantId, Guid customerId, CancellationToken cancellationToken)
    {
        try
        {
            return (await store.GetWalletAsync(merchantId, customerId, cancellationToken))?.Position ?? 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The feed reports an unreachable read model itself (UNAVAILABLE); the filter then only keeps pushes in order.
            return 0;
        }
    }
}
