using CodeScan.Infrastructure.Persistence.EventLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CodeScan.Infrastructure.Persistence;

public static class DatabaseInitializer
{
    /// <summary>Applies pending migrations of the configured provider, then checks the event sequence against the log.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Dialect.AfterMigration is { } statement)
        {
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        }

        var logger = scope.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(typeof(DatabaseInitializer).FullName!);
        await RepairEventSequenceAsync(db, logger, cancellationToken);
    }

    /// <summary>
    /// Payments take event positions from the one <c>event_sequence</c> row (docs/decisions/0009). Behind the log, every
    /// payment collides with positions already taken (refused, on MariaDB, as if its idempotency key were taken). Missing
    /// on MariaDB, a payment's positions are whatever <c>LAST_INSERT_ID()</c> its pooled connection last held: duplicates,
    /// or positions at or below zero that the projector never reads (SQLite numbers such rows itself but leaves the row
    /// missing). Positions have no gaps, so the log's last one is the sequence's true value: a row missing or behind (a
    /// partial restore, a hand-edited table) is put back to it before the service takes a request. Another node paying
    /// meanwhile moves the row past the value read here, and the update then changes nothing.
    /// </summary>
    private static async Task RepairEventSequenceAsync(CodeScanDbContext db, ILogger? logger, CancellationToken cancellationToken)
    {
        var last = await db.EventLog.AsNoTracking().MaxAsync(e => (long?)e.Position, cancellationToken) ?? 0;
        var sequence = await db.EventSequence.AsNoTracking()
            .Where(s => s.Id == EventSequence.SingletonId).Select(s => (long?)s.LastPosition).SingleOrDefaultAsync(cancellationToken);
        if (sequence >= last)
        {
            return;
        }

        var repair = sequence is null
            ? db.Dialect.InsertIgnore + " INTO event_sequence (id, last_position) VALUES ({0}, {1})"
            : "UPDATE event_sequence SET last_position = {1} WHERE id = {0} AND last_position < {1}";
        if (await db.Database.ExecuteSqlRawAsync(repair, [EventSequence.SingletonId, last], cancellationToken) == 0)
        {
            return;
        }

        if (sequence is null)
        {
            logger?.LogWarning("The event sequence row was missing; set to the event log's last position, {Position}", last);
        }
        else
        {
            logger?.LogWarning("The event sequence stood at {Sequence}, behind the event log; set to its last position, {Position}", sequence, last);
        }
    }
}
