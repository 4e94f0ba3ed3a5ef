using System.Runtime.CompilerServices;
using CodeScan.Application.Common.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Infrastructure.Persistence.Locks;

/// <summary>
/// An upsert takes the row's exclusive lock directly (never a shared one first, which two waiters could
/// both hold and then deadlock upgrading). Keys are locked in order, so two callers never wait in a cycle.
/// SQLite holds the database write lock for the whole transaction already.
/// </summary>
internal sealed class EfKeyedLocks(CodeScanDbContext db) : IKeyedLocks
{
    public async Task LockAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var upsert = "INSERT INTO keyed_locks (lock_key, touches) VALUES ({0}, 1) "
            + db.Dialect.OnDuplicateKeyIncrement("lock_key", "touches");
        foreach (var key in keys.Select(k => k.Length > KeyedLock.MaxKeyLength ? k[..KeyedLock.MaxKeyLength] : k).Distinct().Order(StringComparer.Ordinal))
        {
            await db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(upsert, key), cancellationToken);
        }
    }
}
