using CodeScan.Domain.Common;

namespace CodeScan.Domain.Ledger;

/// <summary>
/// A change to one customer's stored value at one merchant (a payment, a reversal, a recharge): the
/// transfers the ledger posts, and an event that announces it with the balance it left.
/// </summary>
public interface IStoredValueMovement
{
    MerchantId MerchantId { get; }

    UserId CustomerId { get; }

    IReadOnlyList<Transfer> Transfers();
}
