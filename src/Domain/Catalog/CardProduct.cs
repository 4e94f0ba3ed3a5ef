using CodeScan.Domain.Common;

namespace CodeScan.Domain.Catalog;

public enum CardKind
{
    /// <summary>次卡: a number of uses.</summary>
    TimesCard,

    /// <summary>会员卡: a discount on every stored-value payment.</summary>
    MembershipCard,
}

/// <summary>A card a merchant sells: a times card (N uses) or a membership card (a discount).</summary>
public sealed class CardProduct : CatalogItem
{
    public const int MaxUses = 1000;

    private CardProduct()
    {
        Validity = null!;
    }

    public CardKind Kind { get; private set; }

    /// <summary>Times cards: how many uses a card carries.</summary>
    public int? Uses { get; private set; }

    /// <summary>Membership cards: what the member pays, in basis points of the bill (8800 = 88%, 12% off).</summary>
    public int? PayRateBasisPoints { get; private set; }

    public Validity Validity { get; private set; }

    public static Result<CardProduct> DefineTimesCard(MerchantId merchantId, string currency, string? name, long price, int uses, Validity validity, DateTimeOffset now)
    {
        if (uses is < 1 or > MaxUses)
        {
            return Error.Invalid($"A times card carries 1 to {MaxUses} uses.", "uses");
        }

        return Define(merchantId, currency, name, price, CardKind.TimesCard, uses, null, validity, now);
    }

    public static Result<CardProduct> DefineMembershipCard(MerchantId merchantId, string currency, string? name, long price, int payRateBasisPoints, Validity validity, DateTimeOffset now)
    {
        if (payRateBasisPoints is < 1 or > 9999)
        {
            return Error.Invalid("A membership discount pays between 0.01% and 99.99% of the bill.", "payRate");
        }

        return Define(merchantId, currency, name, price, CardKind.MembershipCard, null, payRateBasisPoints, validity, now);
    }

    private static Result<CardProduct> Define(MerchantId merchantId, string currency, string? name, long price, CardKind kind, int? uses, int? payRate, Validity validity, DateTimeOffset now)
    {
        if ((ValidateName(name) ?? ValidatePrice(price, mayBeFree: false)) is { } error)
        {
            return error;
        }

        if (validity.IsOver(now))
        {
            return Error.Invalid("The validity has already ended.", "validity");
        }

        var product = new CardProduct
        {
            Id = NewId.Next(),
            MerchantId = merchantId,
            Name = name!.Trim(),
            Price = price,
            Currency = currency,
            Status = CatalogItemStatus.Active,
            CreatedAt = now,
            Kind = kind,
            Uses = uses,
            PayRateBasisPoints = payRate,
            Validity = validity,
        };
        product.Record(new CardProductDefined(product.Id, merchantId, kind, product.Name, price, currency, now));
        return product;
    }
}

public sealed record CardProductDefined(Guid ProductId, MerchantId MerchantId, CardKind Kind, string Name, long Price, string Currency, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => ProductId.ToString();
}
