using CodeScan.Application.ReadModels;

namespace CodeScan.Application.Alerts.WatchMerchantAlerts;

/// <summary>
/// Replay, then live. It listens live first and holds back what arrives while it reads the missed alerts
/// from the read store; the projector stores an alert before it publishes it, so every alert is either
/// in the store when read or arrives live afterwards. Positions order and deduplicate the two. When the live feed
/// fails (the bus lost Redis) or the store does not answer the replay, it ends with <see cref="FeedUnavailableException"/>:
/// the till reconnects and resumes after the last alert it heard.
/// </summary>
internal sealed class ResumedAlertStream(IObservable<MerchantAlertView> live, IReadModelStore store, Guid merchantId, long afterPosition)
    : IObservable<MerchantAlertView>
{
    private const int PageSize = 100;

    public IDisposable Subscribe(IObserver<MerchantAlertView> observer)
    {
        var subscription = new Subscription(observer, afterPosition);
        subscription.Live = live.Subscribe(new Forwarder(subscription.OnLive, subscription.Fail));
        _ = subscription.ReplayAsync(store, merchantId);
        return subscription;
    }

    private sealed class Subscription(IObserver<MerchantAlertView> observer, long afterPosition) : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly List<MerchantAlertView> _heldBack = [];
        private readonly CancellationTokenSource _stop = new();
        private bool _replaying = true;
        private bool _ended;
        private long _last = afterPosition;

        public IDisposable? Live { get; set; }

        public void OnLive(MerchantAlertView alert)
        {
            lock (_gate)
            {
                if (_replaying)
                {
                    _heldBack.Add(alert);
                    return;
                }

                Emit(alert);
            }
        }

        public async Task ReplayAsync(IReadModelStore store, Guid merchantId)
        {
            try
            {
                while (true)
                {
                    long from;
                    lock (_gate)
                    {
                        from = _last;
                    }

                    var page = await store.GetAlertsAsync(merchantId, from, PageSize, _stop.Token);
                    lock (_gate)
                    {
                        page.ToList().ForEach(Emit);
                    }

                    if (page.Count < PageSize)
                    {
                        break;
                    }
                }

                lock (_gate)
                {
                    _heldBack.OrderBy(a => a.Position).ToList().ForEach(Emit);
                    _heldBack.Clear();
                    _replaying = false;
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                Fail(new FeedUnavailableException("The alerts missed could not be read; reconnect and resume after the last alert heard.", ex));
            }
        }

        /// <summary>Ends the stream once; the replay stops and nothing is passed on after the error.</summary>
        public void Fail(Exception error)
        {
            lock (_gate)
            {
                if (_ended)
                {
                    return;
                }

                _ended = true;
                observer.OnError(error);
            }

            _stop.Cancel();
        }

        public void Dispose()
        {
            _stop.Cancel();
            Live?.Dispose();
        }

        private void Emit(MerchantAlertView alert)
        {
            if (_ended || alert.Position <= _last)
            {
                return;
            }

            _last = alert.Position;
            observer.OnNext(alert);
        }
    }

    private sealed class Forwarder(Action<MerchantAlertView> onNext, Action<Exception> onError) : IObserver<MerchantAlertView>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error) => onError(error);

        public void OnNext(MerchantAlertView value) => onNext(value);
    }
}
