using CodeScan.Domain.Common;

namespace CodeScan.Domain.Wallets;

/// <summary>A customer's stored value at one merchant: what they paid for and what they were given.</summary>
public readonly record struct StoredValueBalance(long Principal, long Bonus)
{
    public long Total => checked(Principal + Bonus);

    /// <summary>
    /// Splits a payment: principal first, then bonus (the documented policy: a customer's own money is
    /// used before promotional money, which keeps refunds of principal simple).
    /// </summary>
    public Result<StoredValueSplit> Split(long amount)
    {
        if (Principal < 0 || Bonus < 0)
        {
            // The ledger never lets a customer balance go below zero; seeing one is a bug, not a refusal.
            throw new InvalidOperationException($"A stored value balance cannot be negative ({Principal}, {Bonus}).");
        }

        if (amount <= 0)
        {
            return new Error(ErrorCode.AmountOutOfRange, "The amount must be greater than zero.", "amount");
        }

        if (amount > Total)
        {
            return new Error(
                ErrorCode.InsufficientBalance,
                $"The stored value balance ({Total}) does not cover the amount ({amount}).",
                "amount");
        }

        var fromPrincipal = Math.Min(amount, Principal);
        return new StoredValueSplit(fromPrincipal, amount - fromPrincipal);
    }
}

public readonly record struct StoredValueSplit(long FromPrincipal, long FromBonus);
