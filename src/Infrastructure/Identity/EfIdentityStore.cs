using System.Runtime.CompilerServices;
using CodeScan.Application.Identity;
using CodeScan.Domain.Common;
using CodeScan.Domain.Identity;
using CodeScan.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Infrastructure.Identity;

/// <summary>
/// Locking reads: <c>SELECT … FOR UPDATE</c> on MySQL; SQLite already holds the database write lock from
/// <c>BEGIN IMMEDIATE</c>. The queries are not composed further, so the locking clause stays outermost.
/// </summary>
internal sealed class EfIdentityStore(CodeScanDbContext db) : IIdentityStore
{
    public async Task<SignInChallenge?> LockLatestChallengeAsync(PhoneNumber phone, CancellationToken cancellationToken)
    {
        var sql = FormattableStringFactory.Create(
            "SELECT * FROM sign_in_challenges WHERE phone = {0} ORDER BY created_at DESC, id DESC LIMIT 1" + ForUpdate, phone.Value);
        var rows = await db.SignInChallenges.FromSql(sql).ToListAsync(cancellationToken);
        return rows.FirstOrDefault();
    }

    public async Task<RefreshToken?> LockRefreshTokenAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var sql = FormattableStringFactory.Create("SELECT * FROM refresh_tokens WHERE token_hash = {0}" + ForUpdate, tokenHash);
        var rows = await db.RefreshTokens.FromSql(sql).ToListAsync(cancellationToken);
        return rows.FirstOrDefault();
    }

    private string ForUpdate => db.Dialect.ForUpdate;
}
