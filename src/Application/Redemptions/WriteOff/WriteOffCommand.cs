using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Merchants;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Redemptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Redemptions.WriteOff;

/// <summary>
/// A cashier redeems the coupon or times card behind the code the customer's app shows (核销): a times
/// card for the uses the customer put on the code. The rest of a bill after a coupon is collected at the
/// till: staff never spend a customer's stored value.
/// </summary>
public sealed record WriteOffCommand(MerchantId MerchantId, string Code, long? Amount, string IdempotencyKey)
    : ICommand<Outcome<RedemptionResult>>, IRequireMerchantStaff, IIdempotentCommand, IRateLimited
{
    public string RateLimitPolicy => RateLimitPolicies.TillActions;
}

public sealed class WriteOffValidator : IValidator<WriteOffCommand>
{
    public IEnumerable<Error> Validate(WriteOffCommand command) =>
        new[] { Rules.IdempotencyKey(command.IdempotencyKey), command.Code is { Length: <= 32 } ? null : Error.Invalid("The code is too long.", "code") }.OfType<Error>();
}

public sealed class WriteOffHandler(
    IApplicationDbContext db,
    IRowLocks locks,
    IWriteOffCodes codes,
    RedemptionDesk desk,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<WriteOffCommand, Outcome<RedemptionResult>>
{
    public async ValueTask<Outcome<RedemptionResult>> Handle(WriteOffCommand command, CancellationToken cancellationToken)
    {
        var typed = new string(command.Code.Where(ch => ch is not (' ' or '-')).ToArray());
        if (typed.Length != WriteOffCode.Digits || !typed.All(char.IsAsciiDigit))
        {
            return new Error(ErrorCode.WriteOffCodeInvalid, $"A write-off code has {WriteOffCode.Digits} digits.", "code");
        }

        // Only staff of an existing merchant learn anything about a code (authorization lets an unknown
        // merchant id through to be answered NOT_FOUND here).
        var found = await db.MerchantToReadAsync(command.MerchantId, cancellationToken);
        if (found.Error is { } notFound)
        {
            return notFound;
        }

        var merchant = found.Value!;

        var code = await locks.WriteOffCodeAsync(codes.Hash(typed), cancellationToken);
        if (code is null)
        {
            return new Error(ErrorCode.WriteOffCodeInvalid, "No such code; ask the customer to show it again.", "code");
        }

        var now = clock.GetUtcNow();
        if (code.CannotBeUsedBy(command.MerchantId, now) is { } refused)
        {
            return refused;
        }

        var mode = code.Target == WriteOffTarget.Coupon ? RedemptionMode.Coupon : RedemptionMode.TimesCard;
        var amount = AmountFor(mode, command.Amount);
        if (amount.Error is { } badAmount)
        {
            return badAmount;
        }

        return await RedeemAsync(merchant, code, mode, amount.Value, now, cancellationToken);
    }

    /// <summary>The bill a coupon is written off against; a times card is paid in uses and takes no amount.</summary>
    private static Result<long> AmountFor(RedemptionMode mode, long? amount)
    {
        if (mode == RedemptionMode.TimesCard && amount is not null)
        {
            return Error.Invalid("A times card is paid in uses: no amount.", "amount");
        }

        var bill = mode == RedemptionMode.Coupon ? amount ?? 0 : 0;
        if (Money.OutOfRange(bill, zeroAllowed: true) is { } outOfRange)
        {
            return outOfRange;
        }

        return bill;
    }

    private async Task<Outcome<RedemptionResult>> RedeemAsync(
        Merchant merchant, WriteOffCode code, RedemptionMode mode, long amount, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var request = new RedemptionRequest(code.CustomerId, mode, amount, code.Uses, RestPayment.Outside, RedemptionChannel.StaffWriteOff, currentUser.RequiredId);
        var outcome = await desk.RedeemAsync(
            PaymentTerms.Of(merchant.Terms), request, mode == RedemptionMode.TimesCard ? code.InstrumentId : null, mode == RedemptionMode.Coupon ? code.InstrumentId : null, cancellationToken);
        if (outcome.IsSuccess)
        {
            code.MarkUsed(outcome.Value!.RedemptionId, now);
        }

        return outcome;
    }
}
