using CodeScan.Application.Common.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Infrastructure.Persistence.Idempotency;

/// <summary>
/// The outcome is inserted by the commit batch, as the batch's first statement: a concurrent duplicate's
/// insert waits for the first one's transaction and then fails on the key, before it has locked anything of
/// the batch's shared rows.
/// </summary>
internal sealed class EfIdempotencyStore(CodeScanDbContext db, CommitBatch batch, TimeProvider clock) : IIdempotencyStore
{
    public async Task<IdempotencyClaim?> FindAsync(string actor, string key, string requestHash, CancellationToken cancellationToken)
    {
        var existing = await db.IdempotencyRecords.AsNoTracking()
            .Where(r => r.Actor == actor && r.Key == key)
            .Select(r => new { r.RequestHash, r.ResponseJson })
            .SingleOrDefaultAsync(cancellationToken);
        if (existing is null)
        {
            return null;
        }

        if (existing.RequestHash != requestHash)
        {
            return new IdempotencyClaim.Conflict();
        }

        return existing.ResponseJson is { } json
            ? new IdempotencyClaim.Replay(json)
            : throw new InvalidOperationException("An idempotency record was committed without its outcome.");
    }

    public void Record(string actor, string key, string requestHash, string responseJson) =>
        batch.RecordIdempotency(actor, key, requestHash, responseJson, clock.GetUtcNow());
}
