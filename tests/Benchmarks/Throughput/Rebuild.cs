using System.Diagnostics;
using CodeScan.Application.Projections;
using CodeScan.Application.ReadModels;
using CodeScan.Infrastructure.Persistence.EventLog;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Benchmarks.Throughput;

/// <summary>
/// <see cref="StartSeconds"/>: how long the host took to start; <see cref="FirstProgressSeconds"/>: when the
/// checkpoint first moved (NaN when it moved only once, at the end) or the first event was applied;
/// <see cref="CheckpointMoves"/>: how many checkpoint values were seen on the way. All from the start of the timing.
/// </summary>
internal sealed record RebuildResult(
    string Target, string How, long Events, double Seconds, double EventsPerSecond, double StartSeconds, double FirstProgressSeconds, int CheckpointMoves);

/// <summary>
/// Rebuilds every read model from the whole event log, timed, without touching the live ones. Two ways:
/// the product's own projector in a second API host whose Redis key prefix is fresh (so it starts from
/// checkpoint zero), and the public projections fed from <see cref="EventLogReader"/> into the in-memory
/// store (the way tests/Api.Tests/Support/ReadModelRebuild.cs does it).
/// </summary>
internal static class Rebuild
{
    public static async Task<RebuildResult> IntoRedisAsync(BenchOptions options, ApiUnderTest api, string keyPrefix)
    {
        var last = await api.LastPositionAsync();
        var events = await api.EventCountAsync();
        await using var host = await ApiUnderTest.BuildHostAsync(ApiUnderTest.Settings(options, api.DatabaseName, keyPrefix));
        var store = host.Services.GetRequiredService<IReadModelStore>();
        if (await store.GetCheckpointAsync(CancellationToken.None) != 0)
        {
            throw new InvalidOperationException($"rebuild: the key prefix {keyPrefix} is not fresh");
        }

        var clock = Stopwatch.StartNew();
        await host.StartAsync();
        var started = clock.Elapsed.TotalSeconds;
        long checkpoint, previous = 0;
        var firstMove = double.NaN;
        var moves = 0;
        while ((checkpoint = await store.GetCheckpointAsync(CancellationToken.None)) < last)
        {
            if (checkpoint > previous)
            {
                firstMove = double.IsNaN(firstMove) ? clock.Elapsed.TotalSeconds : firstMove;
                moves++;
                previous = checkpoint;
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"rebuild: the projector reached {checkpoint} of {last} in 10 minutes");
            }

            await Task.Delay(1);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await host.StopAsync();
        return new RebuildResult("redis", "ProjectorService in a second host, fresh key prefix", events, seconds, events / seconds, started, firstMove, moves + 1);
    }

    public static async Task<RebuildResult> IntoMemoryAsync(BenchOptions options, ApiUnderTest api)
    {
        // No Redis connection string: the host's read store is the in-memory one. It is built, never started.
        await using var host = await ApiUnderTest.BuildHostAsync(ApiUnderTest.Settings(options, api.DatabaseName, keyPrefix: null));
        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IReadModelStore>();
        var reader = scope.ServiceProvider.GetRequiredService<EventLogReader>();
        var projections = scope.ServiceProvider.GetServices<IProjection>().ToList();

        var clock = Stopwatch.StartNew();
        var firstEvent = double.NaN;
        long position = 0, events = 0;
        while (true)
        {
            var batch = await reader.ReadAfterAsync(position, 1000, CancellationToken.None);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var envelope in batch)
            {
                foreach (var projection in projections)
                {
                    await projection.ApplyAsync(envelope, CancellationToken.None);
                }

                await store.SetCheckpointAsync(envelope.Position, CancellationToken.None);
                position = envelope.Position;
                if (events++ == 0)
                {
                    firstEvent = clock.Elapsed.TotalSeconds;
                }
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return new RebuildResult("memory", "projections + EventLogReader, in-memory store", events, seconds, events / seconds, 0, firstEvent, (int)events);
    }
}
