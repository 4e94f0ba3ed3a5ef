using System.Data.Common;
using CodeScan.Application.Common.Idempotency;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace CodeScan.Infrastructure.Persistence.Idempotency;

/// <summary>
/// Claims a key with a plain INSERT inside the command's transaction. A concurrent duplicate blocks on the
/// first claim's row until that transaction ends: after a commit it sees the stored outcome, after a
/// rollback its own insert goes through and it runs the command itself.
/// </summary>
internal sealed class EfIdempotencyStore(CodeScanDbContext db, TimeProvider clock) : IIdempotencyStore
{
    public async Task<IdempotencyClaim> ClaimAsync(string actor, string key, string requestHash, CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO idempotency_keys (actor, idempotency_key, request_hash, created_at) VALUES ({actor}, {key}, {requestHash}, {clock.GetUtcNow().UtcTicks})",
                cancellationToken);
            return new IdempotencyClaim.Granted();
        }
        catch (DbException ex) when (IsDuplicateKey(ex))
        {
            var existing = await db.IdempotencyRecords.AsNoTracking()
                .SingleAsync(r => r.Actor == actor && r.Key == key, cancellationToken);
            if (existing.RequestHash != requestHash)
            {
                return new IdempotencyClaim.Conflict();
            }

            return existing.ResponseJson is { } json
                ? new IdempotencyClaim.Replay(json)
                : throw new InvalidOperationException("An idempotency record was committed without its outcome.");
        }
    }

    public Task CompleteAsync(string actor, string key, string responseJson, CancellationToken cancellationToken) =>
        db.IdempotencyRecords
            .Where(r => r.Actor == actor && r.Key == key)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.ResponseJson, responseJson), cancellationToken);

    private static bool IsDuplicateKey(DbException ex) => ex switch
    {
        MySqlException mySql => mySql.ErrorCode == MySqlErrorCode.DuplicateKeyEntry,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        _ => false,
    };
}
