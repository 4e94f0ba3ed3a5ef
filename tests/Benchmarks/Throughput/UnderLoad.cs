using CodeScan.Application.Alerts;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CodeScan.Infrastructure.Persistence;
using CodeScan.Infrastructure.ReadModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace CodeScan.Benchmarks.Throughput;

internal sealed record UnderLoadResult(
    double TargetRate,
    double Seconds,
    long Sent,
    long Succeeded,
    long Failed,
    double AchievedRate,
    double CompletedRate,
    long LateSends,
    LatencySummary Redeem,
    long AlertsExpected,
    long AlertsReceived,
    LatencySummary CommitToAlert,
    long EventsCommitted,
    long EventsSeenProjected,
    LatencySummary ProjectionLag,
    int CheckpointPolls,
    double MeanPollIntervalMs,
    IReadOnlyList<string> ErrorSamples,
    string Setup);

/// <summary>
/// Payments at a fixed rate (open loop: each is sent on its schedule, whether or not earlier ones have
/// answered) while a till listens to <c>merchantAlerts</c> over a real WebSocket and the projector's
/// checkpoint is polled about every millisecond. Commit time is the event log's <c>recorded_at</c>, taken in
/// the transaction just before COMMIT, on this machine's clock.
/// </summary>
internal static class UnderLoad
{
    private const string AlertSubscription =
        "subscription($m: ID!) { merchantAlerts(merchantId: $m) { id kind amount { display } customerPhoneMasked spokenText } }";

    /// <param name="api">The node the till listens on (and the one whose projector the checkpoint shows).</param>
    /// <param name="payOn">Another node to take the payments, whose commits must wake the projector across nodes; null: <paramref name="api"/>.</param>
    public static async Task<UnderLoadResult> RunAsync(ApiUnderTest api, double rate, TimeSpan duration, ApiUnderTest? payOn = null)
    {
        var payments = payOn ?? api;
        var alerts = new ConcurrentDictionary<long, DateTimeOffset>();
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new UriBuilder(api.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri, CancellationToken.None);
        await SendAsync(socket, new { type = "connection_init", payload = new { authorization = "Bearer " + api.OwnerToken } });
        await SendAsync(socket, new { id = "alerts", type = "subscribe", payload = new { query = AlertSubscription, variables = new { m = api.MerchantGlobalId } } });
        using var stopReceiving = new CancellationTokenSource();
        var receiving = Task.Run(() => ReceiveAlertsAsync(socket, api.Merchants[0].Id, alerts, stopReceiving.Token));

        // The subscription is live once a payment's alert arrives (one every half second until then).
        var waiting = Stopwatch.StartNew();
        var lastWarmUp = TimeSpan.FromSeconds(-1);
        while (alerts.IsEmpty)
        {
            if (receiving.IsFaulted)
            {
                throw new InvalidOperationException("under load: the till's WebSocket failed: " + receiving.Exception.GetBaseException().Message);
            }

            if (waiting.Elapsed > TimeSpan.FromSeconds(30) || receiving.IsCompleted)
            {
                throw new InvalidOperationException($"under load: no alert arrived for the warm-up payments (socket {socket.State}, {socket.CloseStatus} {socket.CloseStatusDescription})");
            }

            if (waiting.Elapsed - lastWarmUp > TimeSpan.FromMilliseconds(500))
            {
                lastWarmUp = waiting.Elapsed;
                if (await payments.RedeemForAsync(api.NextCustomer(firstMerchantOnly: true)) is { } warmUpError)
                {
                    throw new InvalidOperationException("under load: a warm-up payment failed: " + warmUpError);
                }
            }

            await Task.Delay(5);
        }

        await api.WaitForProjectorAsync(TimeSpan.FromSeconds(60));
        var startPosition = await api.LastPositionAsync();
        alerts.Clear();

        // The checkpoint, read straight from its Redis key on a thread of its own (so a busy thread pool
        // cannot stretch the interval): every change is noted with the time of the answer that showed it.
        var redis = api.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var checkpointKey = api.Services.GetRequiredService<RedisKeys>().Checkpoint;
        var checkpoints = new List<(long Position, DateTimeOffset SeenAt)>();
        var polls = 0;
        long lastSeen = 0;
        using var stopPolling = new CancellationTokenSource();
        var polling = OnOwnThread("bench-checkpoint-poller", () =>
        {
            var last = (long)redis.StringGet(checkpointKey);
            Volatile.Write(ref lastSeen, last);
            while (!stopPolling.IsCancellationRequested)
            {
                var position = (long)redis.StringGet(checkpointKey);
                var seenAt = DateTimeOffset.UtcNow;
                polls++;
                if (position > last)
                {
                    checkpoints.Add((position, seenAt));
                    last = position;
                    Volatile.Write(ref lastSeen, position);
                }

                Thread.Sleep(1);
            }
        });

        // Open loop, paced on a thread of its own: payment i is due i / rate seconds after the start and is
        // handed to the thread pool then, whether or not earlier ones have answered. Its latency counts
        // from when it was due, so a late send shows up in the figures instead of hiding. The pacer sleeps
        // until a payment is due, never spins: the load generator shares the 2 CPUs with what it measures, and a
        // spinning pacer (up to 2 ms of every 3.3 ms at 300/s) stalled the API, MariaDB and Redis often
        // enough to move commit→alert p99 from about 13 ms to 16–91 ms (three runs each way). A sleep ends
        // up to about a millisecond after the payment is due, which its latency includes.
        var errors = new ErrorSamples();
        var latencies = new ConcurrentBag<double>();
        long failed = 0, late = 0;
        var inFlight = new List<Task>();
        var total = (long)Math.Round(rate * duration.TotalSeconds);
        var start = Stopwatch.GetTimestamp();
        var pacing = OnOwnThread("bench-pacer", () =>
        {
            for (long i = 0; i < total; i++)
            {
                var due = start + (long)(i / rate * Stopwatch.Frequency);
                while (Stopwatch.GetTimestamp() < due)
                {
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                    Thread.Sleep(Math.Max(1, (int)Math.Ceiling(wait.TotalMilliseconds)));
                }

                if (Stopwatch.GetElapsedTime(due) > TimeSpan.FromMilliseconds(1) + TimeSpan.FromSeconds(1 / rate))
                {
                    late++;
                }

                inFlight.Add(Task.Run(async () =>
                {
                    string? error;
                    try
                    {
                        error = await payments.RedeemForAsync(api.NextCustomer(firstMerchantOnly: true));
                    }
                    catch (Exception ex)
                    {
                        error = $"{ex.GetType().Name}: {ex.Message}";
                    }

                    if (error is null)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(due).TotalMilliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                        errors.Add(error);
                    }
                }));
            }
        });

        await pacing;
        var sendingTook = Stopwatch.GetElapsedTime(start);
        await Task.WhenAll(inFlight);
        var answeredIn = Stopwatch.GetElapsedTime(start);
        var succeeded = latencies.Count;

        // Everything committed must reach the read model and the till before the figures are taken.
        var settle = Stopwatch.StartNew();
        var endPosition = await api.LastPositionAsync();
        while (settle.Elapsed < TimeSpan.FromSeconds(60)
               && (alerts.Keys.Count(position => position > startPosition) < succeeded || Volatile.Read(ref lastSeen) < endPosition))
        {
            await Task.Delay(10);
        }

        await stopPolling.CancelAsync();
        await polling;
        var pollInterval = polls > 0 ? Stopwatch.GetElapsedTime(start).TotalMilliseconds / polls : double.NaN;
        await stopReceiving.CancelAsync();
        try
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // The server may close first; nothing to report.
        }

        await receiving;

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
        var committed = await db.EventLog.AsNoTracking()
            .Where(e => e.Position > startPosition && e.Position <= endPosition)
            .Select(e => new { e.Position, e.RecordedAt })
            .ToDictionaryAsync(e => e.Position, e => e.RecordedAt);

        var alertLatencies = alerts.Where(a => committed.ContainsKey(a.Key)).Select(a => (a.Value - committed[a.Key]).TotalMilliseconds).ToList();

        // For each committed event: the first poll that saw the checkpoint at or past it.
        var lags = new List<double>();
        var index = 0;
        foreach (var (position, recordedAt) in committed.OrderBy(c => c.Key))
        {
            while (index < checkpoints.Count && checkpoints[index].Position < position)
            {
                index++;
            }

            if (index < checkpoints.Count)
            {
                lags.Add((checkpoints[index].SeenAt - recordedAt).TotalMilliseconds);
            }
        }

        return new UnderLoadResult(
            rate,
            duration.TotalSeconds,
            total,
            succeeded,
            failed,
            total / Math.Max(sendingTook.TotalSeconds, duration.TotalSeconds),
            succeeded / Math.Max(answeredIn.TotalSeconds, duration.TotalSeconds),
            late,
            LatencySummary.Of(latencies),
            succeeded,
            alertLatencies.Count,
            LatencySummary.Of(alertLatencies),
            committed.Count,
            lags.Count,
            LatencySummary.Of(lags),
            polls,
            pollInterval,
            errors.ToList(),
            payOn is null ? "1 node" : "2 nodes: paid on the standby node, heard on a till of the projector's node");
    }

    /// <summary>Runs <paramref name="body"/> on a dedicated thread; the task completes when it returns.</summary>
    private static Task OnOwnThread(string name, Action body)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                body();
                done.SetResult();
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        })
        { IsBackground = true, Name = name };
        thread.Start();
        return done.Task;
    }

    private static async Task SendAsync(ClientWebSocket socket, object message) =>
        await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task ReceiveAlertsAsync(ClientWebSocket socket, Guid merchantId, ConcurrentDictionary<long, DateTimeOffset> alerts, CancellationToken stop)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open && !stop.IsCancellationRequested)
            {
                message.SetLength(0);
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, stop);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                var arrivedAt = DateTimeOffset.UtcNow;
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                using var document = JsonDocument.Parse(message.ToArray());
                var root = document.RootElement;
                var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
                if (type is "error" or "complete")
                {
                    throw new InvalidOperationException("under load: the subscription ended: " + Encoding.UTF8.GetString(message.ToArray()));
                }

                if (type == "next"
                    && root.GetProperty("payload").TryGetProperty("data", out var data)
                    && data.TryGetProperty("merchantAlerts", out var alert)
                    && alert.ValueKind == JsonValueKind.Object
                    && alert.GetProperty("kind").GetString() == "STORED_VALUE_REDEEMED")
                {
                    alerts.TryAdd(AlertCursor.Parse(alert.GetProperty("id").GetString()!, merchantId), arrivedAt);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (WebSocketException) when (stop.IsCancellationRequested)
        {
        }
    }
}
