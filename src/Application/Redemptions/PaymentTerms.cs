using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Wallets;

namespace CodeScan.Application.Redemptions;

/// <summary>
/// What a payment knows before it decides: the merchant's trading terms, the membership cards the customer holds
/// there (<c>null</c>: not read yet), and the customer's stored value when it is already held locked (<c>null</c>:
/// the payment locks it itself, after any coupon or times card).
/// </summary>
public sealed record PaymentTerms(TradingTerms Merchant, IReadOnlyList<Card>? MembershipCards, StoredValueBalance? LockedStoredValue)
{
    /// <summary>Only the merchant's terms: the payment reads and locks the rest itself.</summary>
    public static PaymentTerms Of(TradingTerms merchant) => new(merchant, null, null);
}

/// <summary>
/// Reads a customer's payment terms in one round trip. Asked to, it also locks the customer's stored value at the
/// merchant in that same round trip, where the store can (<see cref="PaymentTerms.LockedStoredValue"/>): only a
/// payment that locks nothing before its stored value may ask, or the lock order would change.
/// </summary>
public interface IPaymentTermsReader
{
    Task<Result<PaymentTerms>> ReadAsync(MerchantId merchantId, UserId customerId, bool lockStoredValue, CancellationToken cancellationToken);
}
