using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Merchants;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Issuance;

/// <summary>
/// Issues a coupon from a template, bought or (for a free template) claimed: takes one unit of stock and
/// holds the customer to the template's per-customer limit.
/// </summary>
public sealed class CouponIssuer(IApplicationDbContext db, ILedger ledger)
{
    public async Task<Result<IssuedInstrument>> IssueAsync(Merchant merchant, IssueRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var template = await CatalogShelf.FindAsync(db.CouponTemplates, merchant.Id, request.Item.ItemId, cancellationToken);
        if (template is null)
        {
            return CatalogShelf.UnknownItem("coupon template");
        }

        if (CatalogShelf.SellableError(template, template.Validity, now) is { } error)
        {
            return error;
        }

        if (request.Source == IssueSource.FreeClaim && !template.IsFree)
        {
            return new Error(ErrorCode.PaymentRequired, "This coupon has a price: buy it with `purchase` instead of claiming it.", "couponTemplateId");
        }

        if (await TakeOneAsync(template, request.CustomerId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var customerId = request.CustomerId;
        var paid = request.Source == IssueSource.FreeClaim ? 0 : template.Price;
        var coupon = Coupon.Issue(template, customerId, request.Source, request.OrderId, request.StaffId, now, await CustomerPhones.MaskedAsync(db, customerId, cancellationToken), paid);
        await SaleLedger.PostAsync(ledger, merchant, coupon.Id, TransferKind.CouponSale, paid, now, cancellationToken);
        db.Coupons.Add(coupon);

        return new IssuedInstrument(
            InstrumentKind.Coupon, coupon.Id, merchant.Id.Value, customerId.Value, coupon.Name, paid, 0, template.Currency,
            request.Source, coupon.ValidFrom, coupon.ExpiresAt, null, null, now);
    }

    /// <summary>Takes one unit of the template's stock for the customer, or says why not (sold out, limit reached).</summary>
    private async Task<Error?> TakeOneAsync(CouponTemplate template, UserId customerId, CancellationToken cancellationToken)
    {
        // The guarded update takes one unit of stock and holds the template row until commit, so claims
        // on one template run one after another and the count below sees every earlier claim.
        var templateId = template.Id;
        var taken = await db.CouponTemplates
            .Where(t => t.Id == templateId && t.IssuedCount < t.TotalStock && t.Status == CatalogItemStatus.Active)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.IssuedCount, x => x.IssuedCount + 1), cancellationToken);
        if (taken != 1)
        {
            return CatalogShelf.SoldOut();
        }

        var held = await db.Coupons.CountAsync(c => c.TemplateId == templateId && c.CustomerId == customerId, cancellationToken);
        if (held >= template.PerCustomerLimit)
        {
            // Returning an error rolls the stock increment back with everything else.
            return new Error(ErrorCode.CustomerLimitReached, $"This coupon is limited to {template.PerCustomerLimit} per customer.", "couponTemplateId");
        }

        return null;
    }
}
