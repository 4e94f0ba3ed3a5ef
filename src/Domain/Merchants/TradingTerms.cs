using CodeScan.Domain.Common;

namespace CodeScan.Domain.Merchants;

/// <summary>
/// What a payment needs to know of its merchant: who, whether it trades, in which currency. A payment reads
/// these three columns instead of the whole merchant with its staff and review history.
/// </summary>
public readonly record struct TradingTerms(MerchantId MerchantId, MerchantStatus Status, string Currency)
{
    public bool CanTrade => Merchant.TradesWhen(Status);

    /// <summary>
    /// The one trading check: null when the merchant trades, otherwise the refusal, worded for what was
    /// attempted (a customer paying, or the merchant selling stored value, a card or a coupon).
    /// </summary>
    public Error? Refusal(Trade trade) => CanTrade
        ? null
        : new Error(
            ErrorCode.MerchantNotApproved,
            trade == Trade.Payment ? "The merchant is not accepting payments." : "The merchant is not approved to trade.",
            "merchantId");
}

/// <summary>What a merchant is asked to do when <see cref="TradingTerms.Refusal"/> checks that it trades.</summary>
public enum Trade
{
    /// <summary>A customer pays (or asks for a price to pay).</summary>
    Payment,

    /// <summary>The merchant sells: a recharge, a card, a coupon.</summary>
    Sale,
}
