using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Orders;

namespace CodeScan.Application.Issuance;

/// <summary>
/// The one path by which value enters the platform: a paid order, a free claim and staff at the counter
/// all issue here, inside the caller's unit of work, with the ledger transfers in the same transaction.
/// </summary>
public interface IInstrumentIssuer
{
    /// <summary>What buying <paramref name="item"/> costs, or why it cannot be bought now (checked again at issue).</summary>
    Task<Result<ItemQuote>> QuoteAsync(MerchantId merchantId, CatalogItemRef item, CancellationToken cancellationToken);

    Task<Result<IssuedInstrument>> IssueAsync(IssueRequest request, CancellationToken cancellationToken);
}

/// <summary>A catalog item by kind and id; <see cref="Amount"/> is the recharge amount (recharge plans only).</summary>
public sealed record CatalogItemRef(OrderItemKind Kind, Guid ItemId, long? Amount);

public sealed record ItemQuote(OrderItemKind Kind, Guid ItemId, string Name, long AmountDue, string Currency);

/// <param name="OrderId">The paid order (source PaidOrder).</param>
/// <param name="StaffId">The staff member at the counter (source Counter).</param>
public sealed record IssueRequest(MerchantId MerchantId, UserId CustomerId, CatalogItemRef Item, IssueSource Source, Guid? OrderId, UserId? StaffId);

public enum InstrumentKind
{
    Card,
    Coupon,
    StoredValue,
}

/// <summary>What was issued: a card, a coupon or stored value (a recharge), as the payloads show it.</summary>
public sealed record IssuedInstrument(
    InstrumentKind Kind,
    Guid Id,
    Guid MerchantId,
    Guid CustomerId,
    string Name,
    long AmountPaid,
    long Bonus,
    string Currency,
    IssueSource Source,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ExpiresAt,
    int? UsesGranted,
    int? PayRateBasisPoints,
    DateTimeOffset IssuedAt);
