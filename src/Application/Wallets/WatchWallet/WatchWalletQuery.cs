using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Wallets.WatchWallet;

/// <summary>The signed-in customer's wallet at one merchant, pushed each time it changes.</summary>
public sealed record WatchWalletQuery(MerchantId MerchantId) : IQuery<IObservable<WalletView>>, IRequireSignedIn;

public sealed class WatchWalletHandler(INotificationBus bus, ICurrentUser currentUser) : IQueryHandler<WatchWalletQuery, IObservable<WalletView>>
{
    public ValueTask<IObservable<WalletView>> Handle(WatchWalletQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(bus.Observe<WalletView>(Channels.WalletChanged(query.MerchantId.Value, currentUser.RequiredId.Value)));
}
