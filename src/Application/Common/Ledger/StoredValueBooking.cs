using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Common;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Wallets;

namespace CodeScan.Application.Common.Ledger;

/// <summary>
/// The money steps every stored-value movement shares, written once: post its transfers, read the stored
/// value they leave, record the movement's event with that balance, and add the movement to the unit of
/// work. A movement booked without its event is a bug, and fails the unit of work instead of committing a
/// payment no till would ever announce.
/// </summary>
public static class StoredValueBooking
{
    /// <param name="complete">Records the movement's event from the balance after (its <c>Complete</c>).</param>
    /// <returns>The balance after, or null when a ledger guard refused the transfers (nothing was recorded).</returns>
    public static async Task<StoredValueBalance?> BookAsync<TMovement>(
        this ILedger ledger, IApplicationDbContext db, TMovement movement, Action<StoredValueBalance> complete, CancellationToken cancellationToken)
        where TMovement : AggregateRoot, IStoredValueMovement
    {
        if (!await ledger.PostAsync(movement.Transfers(), cancellationToken))
        {
            return null;
        }

        var after = await ledger.GetStoredValueAsync(movement.MerchantId, movement.CustomerId, cancellationToken);
        complete(after);
        if (movement.DomainEvents.Count == 0)
        {
            throw new InvalidOperationException($"A {typeof(TMovement).Name} was booked without recording its event.");
        }

        db.Set<TMovement>().Add(movement);
        return after;
    }
}
