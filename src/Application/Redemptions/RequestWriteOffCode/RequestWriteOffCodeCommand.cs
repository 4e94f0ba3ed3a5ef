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
/// till. A new code replaces any earlier unused one for the same instrument.
/// </summary>
public sealed record RequestWriteOffCodeCommand(Guid? CouponId, Guid? TimesCardId) : ICommand<Outcome<WriteOffCodeResult>>, IRequireSignedIn;

/// <summary>The code in clear, shown once to its customer; only its hash is stored.</summary>
public sealed record WriteOffCodeResult(string Code, Guid MerchantId, WriteOffTarget Target, Guid InstrumentId, string InstrumentName, DateTimeOffset ExpiresAt);

public sealed class RequestWriteOffCodeValidator : IValidator<RequestWriteOffCodeCommand>
{
    public IEnumerable<Error> Validate(RequestWriteOffCodeCommand command)
    {
        if ((command.CouponId is null) == (command.TimesCardId is null))
        {
            yield return Error.Invalid("Choose either one coupon or one times card.", command.CouponId is null ? "couponId" : "timesCardId");
        }
    }
}

public sealed class RequestWriteOffCodeHandler(
    IApplicationDbContext db,
    ICurrentUser currentUser,
    IWriteOffCodes codes,
    IOptions<RedemptionOptions> options,
    TimeProvider clock) : ICommandHandler<RequestWriteOffCodeCommand, Outcome<WriteOffCodeResult>>
{
    public async ValueTask<Outcome<WriteOffCodeResult>> Handle(RequestWriteOffCodeCommand command, CancellationToken cancellationToken)
    {
        var customerId = currentUser.RequiredId;
        var now = clock.GetUtcNow();
        (MerchantId MerchantId, WriteOffTarget Target, Guid Id, string Name) instrument;
        if (command.CouponId is { } couponId)
        {
            var coupon = await db.Coupons.AsNoTracking().SingleOrDefaultAsync(c => c.Id == couponId && c.CustomerId == customerId, cancellationToken);
            if (coupon is null)
            {
                return Error.NotFound("The coupon", "couponId");
            }

            if (coupon.CannotBeUsedAt(now) is { } unusable)
            {
                return unusable;
            }

            instrument = (coupon.MerchantId, WriteOffTarget.Coupon, coupon.Id, coupon.Name);
        }
        else
        {
            var cardId = command.TimesCardId!.Value;
            var card = await db.Cards.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cardId && c.CustomerId == customerId, cancellationToken);
            if (card is null || card.Kind != CardKind.TimesCard)
            {
                return Error.NotFound("The times card", "timesCardId");
            }

            if (card.IsExpiredAt(now))
            {
                return new Error(ErrorCode.CardExpired, $"The card \"{card.Name}\" has expired.", "timesCardId");
            }

            if (card.UsesLeft is not > 0)
            {
                return new Error(ErrorCode.UsesExhausted, $"The card \"{card.Name}\" has no uses left.", "timesCardId");
            }

            instrument = (card.MerchantId, WriteOffTarget.TimesCard, card.Id, card.Name);
        }

        var earlier = await db.WriteOffCodes
            .Where(c => c.InstrumentId == instrument.Id && c.UsedAt == null && c.ExpiresAt > now)
            .ToListAsync(cancellationToken);
        earlier.ForEach(c => c.Revoke(now));

        var code = codes.Generate();
        var writeOffCode = WriteOffCode.Create(codes.Hash(code), instrument.MerchantId, customerId, instrument.Target, instrument.Id, now, options.Value.WriteOffCodeLifetime);
        db.WriteOffCodes.Add(writeOffCode);
        return Outcome<WriteOffCodeResult>.Ok(new WriteOffCodeResult(code, instrument.MerchantId.Value, instrument.Target, instrument.Id, instrument.Name, writeOffCode.ExpiresAt));
    }
}
