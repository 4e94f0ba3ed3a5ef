using CodeScan.Application.Common.Security;
using CodeScan.Application.Identity;
using CodeScan.Application.ReadModels;
using CodeScan.Infrastructure.Persistence.EventLog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CodeScan.Infrastructure.Security;

/// <summary>
/// Keeps this node's <see cref="LocalSessionRevocations"/> in step with the revocation read model: loads it
/// before the node serves, applies every announced revocation as it comes, and compares the store's version
/// every <see cref="SyncInterval"/> so a missed announcement still takes effect within it. When the store
/// does not answer (Redis down), the node keeps refusing what it already knows and catches up afterwards.
/// </summary>
internal sealed class SessionRevocationSync(
    LocalSessionRevocations revocations,
    ISessionRevocationStore store,
    IReadModelStore readModels,
    INotificationBus bus,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<SessionRevocationSync> logger) : BackgroundService
{
    public static readonly TimeSpan SyncInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the start may wait for the read model; after that the node serves and keeps syncing.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private Task _initialSync = Task.CompletedTask;
    private IDisposable? _subscription;
    private Listener? _listener;
    private long? _version;
    private bool _failing;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _initialSync = Task.Run(
            async () =>
            {
                await WaitForReplayAsync(cancellationToken);
                await SyncAsync(cancellationToken);
            },
            cancellationToken);
        try
        {
            await _initialSync.WaitAsync(StartTimeout, clock, cancellationToken);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("The revoked sessions were not loaded within {Timeout}; serving with what this node knows meanwhile", StartTimeout);
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _subscription?.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // One sync at a time: the first may still be running if it outlasted the start.
                await _initialSync.WaitAsync(stoppingToken);
                await Task.Delay(SyncInterval, clock, stoppingToken);
                await SyncAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>
    /// In-memory read models start empty and are rebuilt from the event log: until the projector has
    /// replayed the log as it stood at start, recent revocations are unknown. (Redis is caught up already.)
    /// </summary>
    private async Task WaitForReplayAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var head = await scope.ServiceProvider.GetRequiredService<EventLogReader>().LastPositionAsync(cancellationToken);
            var deadline = clock.GetUtcNow() + StartTimeout;
            while (await readModels.GetCheckpointAsync(cancellationToken) < head && clock.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), clock, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not wait for the read models to replay the event log; serving with what the revocation store holds");
        }
    }

    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Listening first: a revocation announced after the version is read is heard, one announced
            // before is in the set read below.
            Listen();

            var version = await store.GetVersionAsync(cancellationToken);
            if (version != _version)
            {
                foreach (var session in await store.GetActiveAsync(cancellationToken))
                {
                    revocations.Mark(session);
                }

                _version = version;
            }

            if (_failing)
            {
                _failing = false;
                logger.LogInformation("Revoked sessions are in step with the read model again");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (!_failing)
            {
                _failing = true;
                logger.LogWarning(ex, "Could not read the revoked sessions; refusing those already known until the store answers");
            }
        }

        revocations.ForgetExpired();
    }

    /// <summary>Listens, or listens again when the bus ended the subscription (its connection failed: announcements may be lost, so the set is read again).</summary>
    private void Listen()
    {
        if (_listener is { Ended: false })
        {
            return;
        }

        _subscription?.Dispose();
        _listener = new Listener(revocations);
        _subscription = bus.Observe<RevokedSession>(Channels.SessionRevocations).Subscribe(_listener);
        _version = null;
    }

    private sealed class Listener(LocalSessionRevocations revocations) : IObserver<RevokedSession>
    {
        private volatile bool _ended;

        public bool Ended => _ended;

        public void OnNext(RevokedSession value) => revocations.Mark(value);

        public void OnError(Exception error) => _ended = true;

        public void OnCompleted() => _ended = true;
    }
}
