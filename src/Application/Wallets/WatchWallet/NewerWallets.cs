using CodeScan.Application.ReadModels;

namespace CodeScan.Application.Wallets.WatchWallet;

/// <summary>
/// The wallets of <paramref name="changes"/> that are newer (a higher <see cref="WalletView.Position"/>) than
/// <paramref name="readable"/> and than every wallet already passed on to the same subscriber.
/// </summary>
internal sealed class NewerWallets(IObservable<WalletView> changes, long readable) : IObservable<WalletView>
{
    public IDisposable Subscribe(IObserver<WalletView> observer) => changes.Subscribe(new Filter(observer, readable));

    private sealed class Filter(IObserver<WalletView> observer, long readable) : IObserver<WalletView>
    {
        private long _newest = readable;

        public void OnNext(WalletView value)
        {
            // Interlocked: a feed calls one subscriber at a time, but need not do so from one thread.
            var newest = Interlocked.Read(ref _newest);
            while (value.Position > newest)
            {
                var seen = Interlocked.CompareExchange(ref _newest, value.Position, newest);
                if (seen == newest)
                {
                    observer.OnNext(value);
                    return;
                }

                newest = seen;
            }
        }

        public void OnError(Exception error) => observer.OnError(error);

        public void OnCompleted() => observer.OnCompleted();
    }
}
