using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Merchants.SetMerchantTimeZone;

/// <summary>
/// The owner sets the IANA time zone the merchant's days are counted in (its sales reports). Payments
/// already counted stay on the day they were counted on.
/// </summary>
public sealed record SetMerchantTimeZoneCommand(MerchantId MerchantId, string TimeZone) : ICommand<Outcome<MerchantDto>>, IRequireMerchantOwner;

public sealed class SetMerchantTimeZoneHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SetMerchantTimeZoneCommand, Outcome<MerchantDto>>
{
    public async ValueTask<Outcome<MerchantDto>> Handle(SetMerchantTimeZoneCommand command, CancellationToken cancellationToken)
    {
        var found = await db.MerchantToChangeAsync(command.MerchantId, cancellationToken);
        if (found.Error is { } notFound)
        {
            return notFound;
        }

        var merchant = found.Value!;
        var changed = merchant.ChangeTimeZone(command.TimeZone, currentUser.RequiredId, clock.GetUtcNow());
        return changed.IsSuccess ? Outcome<MerchantDto>.Ok(await db.ToDtoAsync(merchant, cancellationToken)) : changed.Error!;
    }
}
