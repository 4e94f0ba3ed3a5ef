using CodeScan.Domain.Instruments;
using CodeScan.Domain.Redemptions;

namespace CodeScan.Application.Common.Abstractions;

/// <summary>
/// Loads one row for change and holds it locked until the unit of work ends (<c>SELECT … FOR UPDATE</c>;
/// on SQLite the transaction already holds the write lock). Two payments that want the same coupon, card
/// or redemption therefore decide one after the other. The entity returned is tracked.
/// Lock order in one transaction: write-off code, redemption, coupon, card, then ledger accounts.
/// </summary>
public interface IRowLocks
{
    Task<Card?> CardAsync(Guid id, CancellationToken cancellationToken);

    Task<Coupon?> CouponAsync(Guid id, CancellationToken cancellationToken);

    Task<Redemption?> RedemptionAsync(Guid id, CancellationToken cancellationToken);

    Task<WriteOffCode?> WriteOffCodeAsync(string codeHash, CancellationToken cancellationToken);
}
