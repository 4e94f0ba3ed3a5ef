using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Merchants;
using Mediator;

namespace CodeScan.Application.Merchants.RegisterMerchant;

public sealed class RegisterMerchantHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RegisterMerchantCommand, Outcome<MerchantDto>>
{
    public ValueTask<Outcome<MerchantDto>> Handle(RegisterMerchantCommand command, CancellationToken cancellationToken)
    {
        var profile = MerchantProfile.Create(
            command.Name, command.ContactPhone, command.BusinessLicenceNumber, command.Address, command.Category, command.Locale, command.Currency);
        if (!profile.IsSuccess)
        {
            return ValueTask.FromResult<Outcome<MerchantDto>>(profile.Error!);
        }

        var merchant = Merchant.Register(profile.Value!, currentUser.RequiredId, clock.GetUtcNow());
        db.Merchants.Add(merchant);
        return ValueTask.FromResult(Outcome<MerchantDto>.Ok(MerchantDto.From(merchant)));
    }
}
