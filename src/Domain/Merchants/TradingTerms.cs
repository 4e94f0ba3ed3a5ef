using CodeScan.Domain.Common;

namespace CodeScan.Domain.Merchants;

/// <summary>
/// What a payment needs to know of its merchant: who, whether it trades, in which currency. A payment reads
/// these three columns instead of the whole merchant with its staff and review history.
/// </summary>
public readonly record struct TradingTerms(MerchantId MerchantId, MerchantStatus Status, string Currency)
{
    public bool CanTrade => Merchant.TradesWhen(Status);
}
