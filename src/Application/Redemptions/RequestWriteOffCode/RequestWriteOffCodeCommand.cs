using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using CodeScan.Domain.Redemptions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeScan.Application.Redemptions.RequestWriteOffCode;

/// <summary>
/// The customer's app asks for a short-lived code for one of their coupons or times cards, to show at the
/// till; for a times card the customer also says how many uses the cashier may take (default 1). A new
/// code replaces any earlier unused one for the same instrument.
/// </summary>
public sealed record RequestWriteOffCodeCommand(Guid? CouponId, Guid? TimesCardId, int? Uses = null) : ICommand<Outcome<WriteOffCodeResult>>, IRequireSignedIn, IRateLimited
{
    public string RateLimitPolicy => RateLimitPolicies.WriteOffCodes;
}

/// <summary>The code in clear, shown once to its customer; only its hash is stored.</summary>
public sealed record WriteOffCodeResult(string Code, Guid MerchantId, WriteOffTarget Target, Guid InstrumentId, string InstrumentName, int Uses, DateTimeOffset ExpiresAt);

public sealed class RequestWriteOffCodeValidator : IValidator<RequestWriteOffCodeCommand>
{
    public IEnumerable<Error> Validate(RequestWriteOffCodeCommand command)
    {
        if ((command.CouponId is null) == (command.TimesCardId is null))
        {
            yield return Error.Invalid("Choose either one coupon or one times card.", command.CouponId is null ? "couponId" : "timesCardId");
        }

        if (command.Uses is not null && (command.CouponId is not null || command.Uses is < 1 or > CardProduct.MaxUses))
        {
            yield return Error.Invalid($"A times card code takes 1 to {CardProduct.MaxUses} uses; a coupon takes none.", "uses");
        }
    }
}

public sealed class RequestWriteOffCodeHandler(
    IApplicationDbContext db,
    IRowLocks locks,
    ICurrentUser currentUser,
    IWriteOffCodes codes,
    IOptions<RedemptionOptions> options,
    TimeProvider clock) : ICommandHandler<RequestWriteOffCodeCommand, Outcome<WriteOffCodeResult>>
{
    public async ValueTask<Outcome<WriteOffCodeResult>> Handle(RequestWriteOffCodeCommand command, CancellationToken cancellationToken)
    {
        var customerId = currentUser.RequiredId;
        var now = clock.GetUtcNow();
        var uses = command.Uses ?? 1;

        // The instrument's row is locked so two requests at once still leave only the newer code alive.
        var found = command.CouponId is { } couponId
            ? await LockedCouponAsync(couponId, customerId, now, cancellationToken)
            : await LockedTimesCardAsync(command.TimesCardId!.Value, customerId, uses, now, cancellationToken);
        if (found.Error is { } error)
        {
            return error;
        }

        var instrument = found.Value!;
        var earlier = await db.WriteOffCodes
            .Where(c => c.InstrumentId == instrument.Id && c.UsedAt == null && c.ExpiresAt > now)
            .ToListAsync(cancellationToken);
        earlier.ForEach(c => c.Revoke(now));

        var code = codes.Generate();
        var writeOffCode = WriteOffCode.Create(codes.Hash(code), instrument.MerchantId, customerId, instrument.Target, instrument.Id, uses, now, options.Value.WriteOffCodeLifetime);
        db.WriteOffCodes.Add(writeOffCode);
        return Outcome<WriteOffCodeResult>.Ok(new WriteOffCodeResult(code, instrument.MerchantId.Value, instrument.Target, instrument.Id, instrument.Name, uses, writeOffCode.ExpiresAt));
    }

    private async Task<Result<CodedInstrument>> LockedCouponAsync(Guid couponId, UserId customerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var coupon = await locks.CouponAsync(couponId, cancellationToken);
        if (coupon is null || coupon.CustomerId != customerId)
        {
            return Error.NotFound("The coupon", "couponId");
        }

        if (coupon.CannotBeUsedAt(now) is { } unusable)
        {
            return unusable;
        }

        return new CodedInstrument(coupon.MerchantId, WriteOffTarget.Coupon, coupon.Id, coupon.Name);
    }

    private async Task<Result<CodedInstrument>> LockedTimesCardAsync(Guid cardId, UserId customerId, int uses, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var card = await locks.CardAsync(cardId, cancellationToken);
        if (card is null || card.CustomerId != customerId || card.Kind != CardKind.TimesCard)
        {
            return Error.NotFound("The times card", "timesCardId");
        }

        if (now < card.ValidFrom)
        {
            return new Error(ErrorCode.NotYetValid, $"The card \"{card.Name}\" is valid from {card.ValidFrom:yyyy-MM-dd HH:mm} UTC.", "timesCardId");
        }

        if (card.IsExpiredAt(now))
        {
            return new Error(ErrorCode.CardExpired, $"The card \"{card.Name}\" has expired.", "timesCardId");
        }

        if (uses > card.UsesLeft)
        {
            return new Error(ErrorCode.UsesExhausted, $"The card \"{card.Name}\" has {card.UsesLeft} uses left.", "uses");
        }

        return new CodedInstrument(card.MerchantId, WriteOffTarget.TimesCard, card.Id, card.Name);
    }

    /// <summary>The coupon or times card a code is for, once it is found, owned and usable.</summary>
    private sealed record CodedInstrument(MerchantId MerchantId, WriteOffTarget Target, Guid Id, string Name);
}
