using CodeScan.Application.ReadModels;
using CodeScan.Infrastructure.Persistence.EventLog;
using CodeScan.Infrastructure.Projections;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Infrastructure.Persistence;

/// <summary>Answers /readyz: the database answers, the read store answers, the projector has caught up.</summary>
public sealed class ReadinessProbe(CodeScanDbContext db, IReadModelStore store, EventLogReader log, ProjectorStatus projector)
{
    public async Task<ReadinessReport> CheckAsync(CancellationToken cancellationToken)
    {
        var database = await Try(async () => await db.Database.CanConnectAsync(cancellationToken));
        var readStore = await Try(async () => { await store.PingAsync(cancellationToken); return true; });
        var lastPosition = database ? await log.LastPositionAsync(cancellationToken) : -1;

        // The store's checkpoint, not this node's own progress: a standby node is ready when the active
        // projector (on whichever node) has caught up.
        var checkpoint = readStore ? await store.GetCheckpointAsync(cancellationToken) : -1;
        var caughtUp = database && readStore && checkpoint >= lastPosition;
        return new ReadinessReport(database, readStore, caughtUp, lastPosition, checkpoint, projector.LastError);
    }

    private static async Task<bool> Try(Func<Task<bool>> check)
    {
        try
        {
            return await check();
        }
        catch (Exception)
        {
            return false;
        }
    }
}

public sealed record ReadinessReport(bool Database, bool ReadStore, bool ProjectorCaughtUp, long LastPosition, long AppliedPosition, string? ProjectorError)
{
    public bool Ready => Database && ReadStore && ProjectorCaughtUp;
}
