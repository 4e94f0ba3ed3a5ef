using System.Runtime.CompilerServices;
using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Redemptions;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Infrastructure.Persistence.Locks;

/// <summary>
/// Takes the row lock with its own plain <c>SELECT … FOR UPDATE</c>, then loads the entity with an ordinary
/// query, which under READ COMMITTED sees the latest committed row. Kept apart because EF would wrap a
/// locking FromSql in a derived table, which not every MySQL-protocol engine accepts.
/// </summary>
internal sealed class EfRowLocks(CodeScanDbContext db) : IRowLocks
{
    public async Task<Card?> CardAsync(Guid id, CancellationToken cancellationToken)
    {
        await LockAsync("cards", "id", id.ToString(), cancellationToken);
        return await db.Cards.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    public async Task<Coupon?> CouponAsync(Guid id, CancellationToken cancellationToken)
    {
        await LockAsync("coupons", "id", id.ToString(), cancellationToken);
        return await db.Coupons.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    public async Task<Redemption?> RedemptionAsync(Guid id, CancellationToken cancellationToken)
    {
        await LockAsync("redemptions", "id", id.ToString(), cancellationToken);
        return await db.Redemptions.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    public async Task<WriteOffCode?> WriteOffCodeAsync(string codeHash, CancellationToken cancellationToken)
    {
        await LockAsync("write_off_codes", "code_hash", codeHash, cancellationToken);
        return await db.WriteOffCodes.SingleOrDefaultAsync(c => c.CodeHash == codeHash, cancellationToken);
    }

    /// <summary>SQLite already holds the database's write lock from <c>BEGIN IMMEDIATE</c>.</summary>
    private Task LockAsync(string table, string column, string value, CancellationToken cancellationToken) =>
        db.Dialect.LocksRows
            ? db.Database.ExecuteSqlAsync(FormattableStringFactory.Create($"SELECT 1 FROM {table} WHERE {column} = {{0}} FOR UPDATE", value), cancellationToken)
            : Task.CompletedTask;
}
