using CodeScan.Application.Common.Security;
using CodeScan.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Infrastructure.Security;

/// <summary>
/// A session is revoked once any token of its refresh family is (sign-out and theft detection revoke the
/// whole family). One indexed lookup per authenticated request.
/// </summary>
internal sealed class EfSessionRevocations(CodeScanDbContext db) : ISessionRevocations
{
    public Task<bool> IsRevokedAsync(Guid sessionId, CancellationToken cancellationToken) =>
        db.RefreshTokens.AsNoTracking().AnyAsync(t => t.FamilyId == sessionId && t.RevokedAt != null, cancellationToken);
}
