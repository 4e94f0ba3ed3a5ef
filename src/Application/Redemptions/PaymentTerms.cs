using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Merchants;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Merchants;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Redemptions;

/// <summary>
/// What a customer's payment reads before it locks anything, in one query (one round trip): the merchant's
/// trading terms and the membership cards the customer holds there. Neither is locked, as before: the terms
/// are read as they stand, and a membership card only prices the payment.
/// </summary>
public sealed record PaymentTerms(TradingTerms Merchant, IReadOnlyList<Card> MembershipCards)
{
    public static async Task<Result<PaymentTerms>> ReadAsync(
        IApplicationDbContext db, MerchantId merchantId, UserId customerId, CancellationToken cancellationToken)
    {
        var found = await db.Merchants.AsNoTracking()
            .Where(m => m.Id == merchantId)
            .Select(m => new
            {
                m.Id,
                m.Status,
                m.Profile.Currency,
                Cards = db.Cards
                    .Where(c => c.MerchantId == m.Id && c.CustomerId == customerId && c.Kind == CardKind.MembershipCard)
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null
            ? MerchantLookup.NotFound
            : new PaymentTerms(new TradingTerms(found.Id, found.Status, found.Currency), found.Cards);
    }
}
