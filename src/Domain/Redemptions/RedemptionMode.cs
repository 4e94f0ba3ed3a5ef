namespace CodeScan.Domain.Redemptions;

/// <summary>How the customer chose to pay at the till.</summary>
public enum RedemptionMode
{
    /// <summary>From stored value, with the membership discount when the customer holds one.</summary>
    StoredValue,

    /// <summary>With uses of a times card; no money moves.</summary>
    TimesCard,

    /// <summary>With one coupon; the rest from stored value or paid outside the platform.</summary>
    Coupon,
}

/// <summary>How the part of a bill that discounts do not cover is paid.</summary>
public enum RestPayment
{
    StoredValue,

    /// <summary>Stored value as far as it goes; the remainder is collected at the till.</summary>
    StoredValueThenOutside,

    /// <summary>Cash, a bank card or another wallet at the till: the platform only records it.</summary>
    Outside,
}

/// <summary>Who confirmed the redemption.</summary>
public enum RedemptionChannel
{
    /// <summary>The customer, after scanning the merchant's code.</summary>
    CustomerScan,

    /// <summary>Merchant staff, with the short-lived code from the customer's app (核销).</summary>
    StaffWriteOff,
}
