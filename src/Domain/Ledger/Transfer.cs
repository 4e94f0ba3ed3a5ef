using CodeScan.Domain.Common;

namespace CodeScan.Domain.Ledger;

/// <summary>
/// An immutable movement of an amount from one account (debited) to another (credited) in one currency.
/// Transfers are never updated or deleted; a correction is a new transfer that references the original.
/// </summary>
public sealed class Transfer
{
    private Transfer()
    {
        Currency = null!;
    }

    private Transfer(Guid debitAccountId, Guid creditAccountId, long amount, string currency, TransferKind kind, Guid referenceId, DateTimeOffset now)
    {
        Id = NewId.Next();
        DebitAccountId = debitAccountId;
        CreditAccountId = creditAccountId;
        Amount = amount;
        Currency = currency;
        Kind = kind;
        ReferenceId = referenceId;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid DebitAccountId { get; private set; }

    public Guid CreditAccountId { get; private set; }

    public long Amount { get; private set; }

    public string Currency { get; private set; }

    public TransferKind Kind { get; private set; }

    /// <summary>The business record (recharge, redemption) this transfer belongs to.</summary>
    public Guid ReferenceId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Transfer Create(Guid debitAccountId, Guid creditAccountId, Money amount, TransferKind kind, Guid referenceId, DateTimeOffset now)
    {
        if (!amount.IsPositive)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "A transfer moves a positive amount.");
        }

        if (debitAccountId == creditAccountId)
        {
            throw new ArgumentException("A transfer moves value between two different accounts.");
        }

        return new Transfer(debitAccountId, creditAccountId, amount.MinorUnits, amount.Currency, kind, referenceId, now);
    }
}
