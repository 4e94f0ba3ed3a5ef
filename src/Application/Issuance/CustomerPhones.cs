using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Issuance;

internal static class CustomerPhones
{
    /// <summary>The customer's number as the till may read it out; Find also sees a customer registered in this unit of work.</summary>
    public static async Task<string> MaskedAsync(IApplicationDbContext db, UserId customerId, CancellationToken cancellationToken) =>
        (await db.Users.FindAsync([customerId], cancellationToken))?.Phone.Masked() ?? string.Empty;
}
