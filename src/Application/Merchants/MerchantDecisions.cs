using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;

namespace CodeScan.Application.Merchants;

/// <summary>The shape every review decision shares: load, let the merchant decide, answer its state.</summary>
internal static class MerchantDecisions
{
    public static async ValueTask<Outcome<MerchantDto>> DecideAsync<T>(
        IApplicationDbContext db, MerchantId merchantId, Func<Merchant, Result<T>> decide, CancellationToken cancellationToken)
    {
        var found = await db.MerchantToChangeAsync(merchantId, cancellationToken);
        if (found.Error is { } notFound)
        {
            return notFound;
        }

        var merchant = found.Value!;

        var decided = decide(merchant);
        return decided.IsSuccess ? Outcome<MerchantDto>.Ok(await db.ToDtoAsync(merchant, cancellationToken)) : decided.Error!;
    }
}
