using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Issuance;

/// <summary>A merchant's catalog items as quoting and issuing see them: found, on sale, in stock.</summary>
internal static class CatalogShelf
{
    public static Task<T?> FindAsync<T>(DbSet<T> items, MerchantId merchantId, Guid id, CancellationToken cancellationToken)
        where T : CatalogItem =>
        // Another merchant's item answers exactly like an unknown one: nothing about it leaks.
        items.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.MerchantId == merchantId, cancellationToken);

    public static Error? SellableError(CatalogItem item, Validity validity, DateTimeOffset now) =>
        !item.IsOnSale ? new Error(ErrorCode.ItemNotOnSale, $"This item is {item.Status.ToString().ToLowerInvariant()} and not on offer.", "item")
        : validity.IsOver(now) ? new Error(ErrorCode.ItemNotOnSale, "This item's validity has ended.", "item")
        : null;

    public static Error UnknownItem(string what) => Error.NotFound($"The {what}", "item");

    public static Error SoldOut() => new(ErrorCode.SoldOut, "This coupon is sold out.", "couponTemplateId");
}
