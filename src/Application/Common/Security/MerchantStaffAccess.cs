using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Common.Security;

/// <summary>What a user is to a merchant, read from the write model: the one query behind every staff check.</summary>
internal static class MerchantStaffAccess
{
    /// <summary>The user's standing at the merchant; null when there is no such merchant.</summary>
    public static Task<MerchantRole?> RoleOfAsync(IApplicationDbContext db, MerchantId merchantId, UserId userId, CancellationToken cancellationToken) =>
        db.Merchants.AsNoTracking()
            .Where(m => m.Id == merchantId)
            .Select(m => new MerchantRole(
                m.OwnerId == userId,
                m.Staff.Any(s => s.UserId == userId && s.Role == StaffRole.Cashier && s.RemovedAt == null),
                m.Staff.Any(s => s.UserId == userId && s.Role == StaffRole.Analyst && s.RemovedAt == null),
                m.Status))
            .SingleOrDefaultAsync(cancellationToken);
}

internal sealed record MerchantRole(bool IsOwner, bool IsCashier, bool IsAnalyst, MerchantStatus Status);
