using CodeScan.Domain.Common;

namespace CodeScan.Domain.Catalog;

public enum CouponKind
{
    /// <summary>A fixed amount off.</summary>
    CashOff,

    /// <summary>A percentage off, up to a cap.</summary>
    PercentOff,

    /// <summary>Spend at least a threshold, get an amount off (满减).</summary>
    Threshold,

    /// <summary>A named item for free.</summary>
    Gift,
}

/// <summary>The terms a coupon carries; copied onto each coupon when it is issued.</summary>
public sealed record CouponTerms(CouponKind Kind, long AmountOff, int PercentOff, long Cap, long Threshold, string? GiftName)
{
    public const int MaxGiftNameLength = 60;

    public static Result<CouponTerms> Create(CouponKind kind, long? amountOff, int? percentOff, long? cap, long? threshold, string? giftName) => kind switch
    {
        CouponKind.CashOff when amountOff is > 0 and <= Money.MaxAmountMinorUnits => new CouponTerms(kind, amountOff.Value, 0, 0, 0, null),
        CouponKind.CashOff => new Error(ErrorCode.AmountOutOfRange, "A cash-off coupon needs an amount off within the limit.", "amountOff"),
        CouponKind.PercentOff when percentOff is not (>= 1 and <= 99) => Error.Invalid("A percent-off coupon takes 1 to 99 percent.", "percentOff"),
        CouponKind.PercentOff when cap is not (> 0 and <= Money.MaxAmountMinorUnits) => new Error(ErrorCode.AmountOutOfRange, "A percent-off coupon needs a cap within the limit.", "cap"),
        CouponKind.PercentOff => new CouponTerms(kind, 0, percentOff!.Value, cap!.Value, 0, null),
        CouponKind.Threshold when threshold is not (> 0 and <= Money.MaxAmountMinorUnits) => new Error(ErrorCode.AmountOutOfRange, "A threshold coupon needs a threshold within the limit.", "threshold"),
        CouponKind.Threshold when amountOff is not > 0 || amountOff > threshold => new Error(ErrorCode.AmountOutOfRange, "A threshold coupon takes off more than 0 and not more than the threshold.", "amountOff"),
        CouponKind.Threshold => new CouponTerms(kind, amountOff!.Value, 0, 0, threshold!.Value, null),
        CouponKind.Gift when string.IsNullOrWhiteSpace(giftName) || giftName.Trim().Length > MaxGiftNameLength => Error.Invalid($"A gift coupon names its gift in 1 to {MaxGiftNameLength} characters.", "giftName"),
        CouponKind.Gift => new CouponTerms(kind, 0, 0, 0, 0, giftName!.Trim()),
        _ => Error.Invalid("Unknown coupon kind.", "kind"),
    };

    /// <summary>Whether a bill is large enough for the coupon (only threshold coupons have a minimum).</summary>
    public bool IsMetBy(long bill) => Kind != CouponKind.Threshold || bill >= Threshold;

    /// <summary>
    /// What the coupon takes off, in minor units: the threshold is judged on the whole bill, the discount
    /// comes off <paramref name="due"/> (the bill after any membership discount) and never exceeds it.
    /// Percentages round down, in the merchant's favour by less than one minor unit. Gifts take off nothing.
    /// </summary>
    public long DiscountOn(long bill, long due) => !IsMetBy(bill) ? 0 : Kind switch
    {
        CouponKind.CashOff or CouponKind.Threshold => Math.Min(AmountOff, due),
        CouponKind.PercentOff => Math.Min(Math.Min(Cap, due * PercentOff / 100), due),
        _ => 0,
    };
}

/// <summary>A coupon a merchant hands out: free to claim or sold, from a limited stock.</summary>
public sealed class CouponTemplate : CatalogItem
{
    public const int MaxStock = 1_000_000;

    private CouponTemplate()
    {
        Terms = null!;
        Validity = null!;
    }

    public CouponTerms Terms { get; private set; }

    public Validity Validity { get; private set; }

    public int TotalStock { get; private set; }

    /// <summary>How many were issued; moved only by a guarded update in the database (never past the stock).</summary>
    public int IssuedCount { get; private set; }

    public int PerCustomerLimit { get; private set; }

    public bool IsFree => Price == 0;

    public static Result<CouponTemplate> Define(
        MerchantId merchantId, string currency, string? name, CouponTerms terms, long price, Validity validity, int totalStock, int perCustomerLimit, DateTimeOffset now)
    {
        if ((ValidateName(name) ?? ValidatePrice(price, mayBeFree: true)) is { } error)
        {
            return error;
        }

        if (totalStock is < 1 or > MaxStock)
        {
            return Error.Invalid($"The stock must be between 1 and {MaxStock}.", "totalStock");
        }

        if (perCustomerLimit < 1 || perCustomerLimit > totalStock)
        {
            return Error.Invalid("The per-customer limit must be at least 1 and not above the stock.", "perCustomerLimit");
        }

        if (validity.IsOver(now))
        {
            return Error.Invalid("The validity has already ended.", "validity");
        }

        var template = new CouponTemplate
        {
            Id = NewId.Next(),
            MerchantId = merchantId,
            Name = name!.Trim(),
            Price = price,
            Currency = currency,
            Status = CatalogItemStatus.Active,
            CreatedAt = now,
            Terms = terms,
            Validity = validity,
            TotalStock = totalStock,
            PerCustomerLimit = perCustomerLimit,
        };
        template.Record(new CouponTemplateDefined(template.Id, merchantId, template.Name, terms.Kind, price, totalStock, currency, now));
        return template;
    }
}

public sealed record CouponTemplateDefined(Guid TemplateId, MerchantId MerchantId, string Name, CouponKind Kind, long Price, int TotalStock, string Currency, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => TemplateId.ToString();
}
