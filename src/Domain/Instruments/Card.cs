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

    /// <summary>What the customer paid for the card (0 when given away); recognised as sales use by use.</summary>
    public long AmountPaid { get; private set; }

    /// <summary>Times cards: uses taken so far. Only ever changed while the card's row is locked.</summary>
    public int UsesUsed { get; private set; }

    public int? UsesLeft => UsesGranted - UsesUsed;

    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>A membership card that gives its discount at this moment.</summary>
    public bool IsActiveMembershipAt(DateTimeOffset now) => Kind == CardKind.MembershipCard && now >= ValidFrom && !IsExpiredAt(now);

    /// <summary>
    /// Takes uses off a times card. Returns the share of its price that these uses turn from deferred
    /// revenue into sales: after n of N uses, price × n / N (floored) has been recognised in total, so the
    /// last use recognises whatever rounding left over.
    /// </summary>
    public Result<long> Use(int uses, DateTimeOffset now)
    {
        if (Kind != CardKind.TimesCard)
        {
            return Error.Invalid("Only a times card is paid for in uses.", "timesCardId");
        }

        if (now < ValidFrom)
        {
            return new Error(ErrorCode.NotYetValid, $"The card \"{Name}\" is valid from {ValidFrom:yyyy-MM-dd HH:mm} UTC.", "timesCardId");
        }

        if (IsExpiredAt(now))
        {
            return new Error(ErrorCode.CardExpired, $"The card \"{Name}\" expired at {ExpiresAt:yyyy-MM-dd HH:mm} UTC.", "timesCardId");
        }

        if (uses < 1 || uses > UsesLeft)
        {
            return new Error(ErrorCode.UsesExhausted, $"The card \"{Name}\" has {UsesLeft} uses left.", "uses");
        }

        var recognisedBefore = RecognisedAfter(UsesUsed);
        UsesUsed += uses;
        return RecognisedAfter(UsesUsed) - recognisedBefore;
    }

    /// <summary>Gives uses back on a reversal; returns the sales to turn back into deferred revenue.</summary>
    public long Restore(int uses)
    {
        if (uses < 1 || uses > UsesUsed)
        {
            throw new InvalidOperationException($"Cannot restore {uses} uses to a card that used {UsesUsed}.");
        }

        var recognisedBefore = RecognisedAfter(UsesUsed);
        UsesUsed -= uses;
        return recognisedBefore - RecognisedAfter(UsesUsed);
    }

    private long RecognisedAfter(int usesUsed) => UsesGranted is > 0 ? AmountPaid * usesUsed / UsesGranted.Value : 0;

    public static Card Issue(CardProduct product, UserId customerId, IssueSource source, Guid? orderId, UserId? issuedBy, DateTimeOffset now, string customerPhoneMasked = "", long amountPaid = 0)
    {
        var (from, until) = product.Validity.For(now);
        var card = new Card
        {
            Id = NewId.Next(),
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
            AmountPaid = amountPaid,
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
