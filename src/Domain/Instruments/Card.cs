using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;

namespace CodeScan.Domain.Instruments;

/// <summary>
/// A card a customer holds. Its terms are copied from the product when it is issued, so changing or
/// archiving the product later never changes a card already sold.
/// </summary>
public sealed class Card : AggregateRoot
{
    private Card()
    {
        Name = null!;
    }

    public Guid Id { get; private set; }

    public MerchantId MerchantId { get; private set; }

    public UserId CustomerId { get; private set; }

    public Guid ProductId { get; private set; }

    public CardKind Kind { get; private set; }

    public string Name { get; private set; }

    /// <summary>Times cards: uses granted at issue.</summary>
    public int? UsesGranted { get; private set; }

    /// <summary>Membership cards: the share of the bill the member pays, in basis points.</summary>
    public int? PayRateBasisPoints { get; private set; }

    public DateTimeOffset ValidFrom { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public IssueSource Source { get; private set; }

    /// <summary>The paid order, or null for counter issuance.</summary>
    public Guid? OrderId { get; private set; }

    /// <summary>The staff member who issued it at the counter.</summary>
    public UserId? IssuedBy { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    public static Card Issue(CardProduct product, UserId customerId, IssueSource source, Guid? orderId, UserId? issuedBy, DateTimeOffset now, string customerPhoneMasked = "", long amountPaid = 0)
    {
        var (from, until) = product.Validity.For(now);
        var card = new Card
        {
            Id = Guid.CreateVersion7(),
            MerchantId = product.MerchantId,
            CustomerId = customerId,
            ProductId = product.Id,
            Kind = product.Kind,
            Name = product.Name,
            UsesGranted = product.Uses,
            PayRateBasisPoints = product.PayRateBasisPoints,
            ValidFrom = from,
            ExpiresAt = until,
            Source = source,
            OrderId = orderId,
            IssuedBy = issuedBy,
            IssuedAt = now,
        };
        card.Record(new CardIssued(card.Id, card.MerchantId, customerId, product.Id, card.Kind, card.Name, card.UsesGranted, card.PayRateBasisPoints, from, until, source, orderId, issuedBy, now, customerPhoneMasked, amountPaid, product.Currency));
        return card;
    }
}

public sealed record CardIssued(
    Guid CardId,
    MerchantId MerchantId,
    UserId CustomerId,
    Guid ProductId,
    CardKind Kind,
    string Name,
    int? UsesGranted,
    int? PayRateBasisPoints,
    DateTimeOffset ValidFrom,
    DateTimeOffset ExpiresAt,
    IssueSource Source,
    Guid? OrderId,
    UserId? IssuedBy,
    DateTimeOffset OccurredAt,
    string CustomerPhoneMasked = "",
    long AmountPaid = 0,
    string Currency = Currencies.Default) : IDomainEvent
{
    public string StreamId => CardId.ToString();
}
