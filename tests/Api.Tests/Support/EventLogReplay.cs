using CodeScan.Application.Projections;
using CodeScan.Infrastructure.Persistence.EventLog;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Support;

/// <summary>A host's whole event log, from position zero, through projections over fresh stores: how the rebuild tests build what the live projector should have kept.</summary>
public static class EventLogReplay
{
    /// <summary>
    /// Applies every event to every projection, in position order. With <paramref name="twice"/> each batch goes
    /// through twice, as a projector that failed before its checkpoint applies it: the second pass must change nothing.
    /// </summary>
    public static async Task ApplyAllAsync(CodeScanHost host, IReadOnlyList<IProjection> projections, bool twice = true)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<EventLogReader>();
        long position = 0;
        while (true)
        {
            var batch = await reader.ReadAfterAsync(position, 1000, CancellationToken.None);
            if (batch.Count == 0)
            {
                return;
            }

            // The log has no gap: every position after the last one read, in order.
            Assert.Equal(Enumerable.Range(1, batch.Count).Select(i => position + i), batch.Select(e => e.Position));
            foreach (var envelope in twice ? batch.Concat(batch) : batch)
            {
                foreach (var projection in projections)
                {
                    await projection.ApplyAsync(envelope, CancellationToken.None);
                }
            }

            position = batch[^1].Position;
        }
    }
}
