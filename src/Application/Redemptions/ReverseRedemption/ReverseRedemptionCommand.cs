using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Ledger;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;
using CodeScan.Domain.Redemptions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeScan.Application.Redemptions.ReverseRedemption;

/// <summary>
/// Merchant staff give back part or all of a payment within the reversal window, with a reason. With
/// neither <see cref="Amount"/> nor <see cref="Uses"/>, everything not yet given back is reversed.
/// </summary>
public sealed record ReverseRedemptionCommand(MerchantId MerchantId, Guid RedemptionId, long? Amount, int? Uses, string Reason, string IdempotencyKey)
    : ICommand<Outcome<ReversalResult>>, IRequireMerchantStaff, IIdempotentCommand, IRateLimited
{
    public string RateLimitPolicy => RateLimitPolicies.TillActions;
}

public sealed record ReversalResult(
    Guid ReversalId,
    Guid RedemptionId,
    Guid MerchantId,
    Guid CustomerId,
    RedemptionMode Mode,
    long PrincipalRestored,
    long BonusRestored,
    int UsesRestored,
    int? UsesLeft,
    bool CouponRestored,
    long OutsideToRefund,
    string Reason,
    string Currency,
    long PrincipalAfter,
    long BonusAfter,
    long StoredValueLeftToReverse,
    int UsesLeftToReverse,
    DateTimeOffset CreatedAt)
{
    public long StoredValueRestored => PrincipalRestored + BonusRestored;
}

public sealed class ReverseRedemptionValidator : IValidator<ReverseRedemptionCommand>
{
    public IEnumerable<Error> Validate(ReverseRedemptionCommand command) => new[]
    {
        Rules.IdempotencyKey(command.IdempotencyKey),
        command.Amount is null ? null : Rules.Amount(command.Amount.Value),
        command.Uses is null or (>= 1 and <= Domain.Catalog.CardProduct.MaxUses) ? null : Error.Invalid("Give back at least one use.", "uses"),
        string.IsNullOrWhiteSpace(command.Reason) || command.Reason.Trim().Length > RedemptionReversal.MaxReasonLength
            ? Error.Invalid($"Give a reason of 1 to {RedemptionReversal.MaxReasonLength} characters.", "reason")
            : null,
    }.OfType<Error>();
}

public sealed class ReverseRedemptionHandler(
    IApplicationDbContext db,
    ILedger ledger,
    IRowLocks locks,
    ICurrentUser currentUser,
    IOptions<RedemptionOptions> options,
    TimeProvider clock) : ICommandHandler<ReverseRedemptionCommand, Outcome<ReversalResult>>
{
    public async ValueTask<Outcome<ReversalResult>> Handle(ReverseRedemptionCommand command, CancellationToken cancellationToken)
    {
        var redemption = await locks.RedemptionAsync(command.RedemptionId, cancellationToken);
        if (redemption is null || redemption.MerchantId != command.MerchantId)
        {
            return Error.NotFound("The payment", "redemptionId");
        }

        var timesCard = redemption.TimesCardId is { } cardId ? await locks.CardAsync(cardId, cancellationToken) : null;
        var coupon = redemption.CouponId is { } couponId ? await locks.CouponAsync(couponId, cancellationToken) : null;
        var reversed = redemption.Reverse(
            command.Amount, command.Uses, command.Reason.Trim(), currentUser.RequiredId, clock.GetUtcNow(), options.Value.ReversalWindow, timesCard, coupon);
        if (!reversed.IsSuccess)
        {
            return reversed.Error!;
        }

        var reversal = reversed.Value!;

        // Customer accounts before merchant accounts, as a payment takes them: a reversal and a payment of
        // the same customer then queue instead of deadlocking on sales and principal.
        await ledger.LockStoredValueAsync(redemption.MerchantId, redemption.CustomerId, cancellationToken);
        var customer = await db.Users.AsNoTracking().SingleAsync(u => u.Id == redemption.CustomerId, cancellationToken);
        var instrumentName = coupon?.Name ?? timesCard?.Name;
        var after = await ledger.BookAsync(db, reversal, balance =>
                reversal.Complete(customer.Phone.Masked(), balance, instrumentName, timesCard?.UsesLeft), cancellationToken)
            // Reversals only credit customer accounts; a refusal here means the ledger is inconsistent.
            ?? throw new InvalidOperationException($"The ledger refused the reversal of payment {redemption.Id}.");

        return Outcome<ReversalResult>.Ok(new ReversalResult(
            reversal.Id, redemption.Id, redemption.MerchantId.Value, redemption.CustomerId.Value, redemption.Mode, reversal.PrincipalRestored,
            reversal.BonusRestored, reversal.UsesRestored, timesCard?.UsesLeft, reversal.CouponRestored, reversal.OutsideToRefund, reversal.Reason, reversal.Currency,
            after.Principal, after.Bonus, redemption.StoredValueLeftToReverse, redemption.UsesLeftToReverse, reversal.CreatedAt));
    }
}
