using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Merchants;

/// <summary>
/// "The merchant, or NOT_FOUND", written once. Every use case that acts on one merchant by id starts here,
/// so an unknown id is answered the same way everywhere (authorization has already let it through, so that
/// only someone allowed to ask learns that it does not exist).
/// </summary>
public static class MerchantLookup
{
    public static Error NotFound => Error.NotFound("The merchant", "merchantId");

    /// <summary>The merchant, tracked: for a use case that changes it.</summary>
    public static async Task<Result<Merchant>> MerchantToChangeAsync(this IApplicationDbContext db, MerchantId id, CancellationToken cancellationToken) =>
        await db.Merchants.SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is { } merchant ? merchant : NotFound;

    /// <summary>The merchant, not tracked: for a use case that only reads it.</summary>
    public static async Task<Result<Merchant>> MerchantToReadAsync(this IApplicationDbContext db, MerchantId id, CancellationToken cancellationToken) =>
        await db.Merchants.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is { } merchant ? merchant : NotFound;
}
